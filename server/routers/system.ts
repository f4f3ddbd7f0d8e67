import { publicProcedure, router } from '../trpc';

export const systemRouter = router({
  /** Does nothing: the benchmarks' baseline for the cost of the tRPC stack itself. */
  ping: publicProcedure.query(() => ({ ok: true })),
});
