import { listIntakeQueue } from '../services/case-queries';
import { roleProcedure, router } from '../trpc';

export const intakeRouter = router({
  queue: roleProcedure('clerk', 'director').query(({ ctx }) => listIntakeQueue(ctx.db, ctx.user)),
});
