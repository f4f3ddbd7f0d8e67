import { z } from 'zod';
import { demoTextMessages, listInbox, markRead, unreadCount } from '../services/inbox';
import { authedProcedure, router } from '../trpc';

export const inboxRouter = router({
  list: authedProcedure.query(({ ctx }) => listInbox(ctx.db, ctx.user, ctx.locale)),
  /** Demo mode: the texts sent to the caller's own phone (empty otherwise). */
  demoTexts: authedProcedure.query(({ ctx }) => demoTextMessages(ctx.db, ctx.user)),
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user)),
  markRead: authedProcedure
    .input(z.object({ ids: z.array(z.uuid()).max(100).optional() }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user, input.ids)),
});
