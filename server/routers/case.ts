import { z } from 'zod';
import { getCaseView } from '../services/case-queries';
import { recordVisit } from '../services/intake-decisions';
import { caseProcedure, router } from '../trpc';
import { optional } from './fields';

export const caseRouter = router({
  get: caseProcedure.query(({ ctx }) => getCaseView(ctx.db, ctx.access, ctx.user)),
  recordVisit: caseProcedure
    .input(z.object({ note: optional(z.string().trim().max(500)) }))
    .mutation(({ ctx, input }) => recordVisit(ctx.db, ctx.user, ctx.access, input)),
});
