import { centerSummary, regionOverview } from '../services/case-queries';
import { roleProcedure, router } from '../trpc';

export const centerRouter = router({
  summary: roleProcedure('director').query(({ ctx }) => centerSummary(ctx.db, ctx.user)),
  region: roleProcedure('supervisor').query(({ ctx }) => regionOverview(ctx.db, ctx.user)),
});
