import { z } from 'zod';
import { answerCenterSupervision, answerSupervision, caseSupervision, issueCenterSupervision, issueSupervision, openSupervision } from '../services/supervision';
import { caseProcedure, roleProcedure, router } from '../trpc';
import { dateField } from './fields';

export const supervisionRouter = router({
  /** 督办 on a case: the region's supervisor. */
  issue: caseProcedure
    .input(z.object({ instruction: z.string().trim().min(1).max(1000), dueOn: dateField }))
    .mutation(({ ctx, input }) => issueSupervision(ctx.svc, ctx.access, input)),
  answer: caseProcedure
    .input(z.object({ orderId: z.uuid(), response: z.string().trim().min(1).max(2000) }))
    .mutation(({ ctx, input }) => answerSupervision(ctx.svc, ctx.access, input)),
  /** 督办 on a center as a whole: the supervisor of its region; answered by its director. */
  issueForCenter: roleProcedure('supervisor')
    .input(z.object({ centerId: z.uuid(), instruction: z.string().trim().min(1).max(1000), dueOn: dateField }))
    .mutation(({ ctx, input }) => issueCenterSupervision(ctx.svc, input)),
  answerForCenter: roleProcedure('director')
    .input(z.object({ orderId: z.uuid(), response: z.string().trim().min(1).max(2000) }))
    .mutation(({ ctx, input }) => answerCenterSupervision(ctx.svc, input)),
  forCase: caseProcedure.query(({ ctx }) => caseSupervision(ctx.db, ctx.access)),
  /** Open orders: the director's center, or the supervisor's region. */
  open: roleProcedure('director', 'supervisor').query(({ ctx }) => openSupervision(ctx.db, ctx.user)),
});
