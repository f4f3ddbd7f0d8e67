import { z } from 'zod';
import { centerSummary, listRegionCenterCases, regionOverview } from '../services/case-queries';
import { roleProcedure, router } from '../trpc';

export const centerRouter = router({
  summary: roleProcedure('director').query(({ ctx }) => centerSummary(ctx.db, ctx.user)),
  region: roleProcedure('supervisor').query(({ ctx }) => regionOverview(ctx.db, ctx.user)),
  /** A center of the supervisor's region: its cases, each of which the supervisor may open. */
  cases: roleProcedure('supervisor')
    .input(z.object({ centerId: z.uuid(), page: z.number().int().min(1).max(10_000).default(1) }))
    .query(({ ctx, input }) => listRegionCenterCases(ctx.db, ctx.user, { ...input, pageSize: 20 })),
});
