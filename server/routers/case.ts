import { getCaseView } from '../services/case-queries';
import { caseProcedure, router } from '../trpc';

export const caseRouter = router({
  get: caseProcedure.query(({ ctx }) => getCaseView(ctx.db, ctx.access)),
});
