import { z } from 'zod';
import { userStatuses } from '../domain/roles';
import { listCenterUsers, setUserStatus } from '../services/users';
import { roleProcedure, router } from '../trpc';

export const adminRouter = router({
  users: roleProcedure('admin').query(({ ctx }) => listCenterUsers(ctx.db, ctx.user)),
  setUserStatus: roleProcedure('admin')
    .input(z.object({ userId: z.uuid(), status: z.enum(userStatuses) }))
    .mutation(({ ctx, input }) => setUserStatus(ctx.db, ctx.user, input)),
});
