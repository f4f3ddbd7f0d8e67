import { z } from 'zod';
import { followUpMethods, honouredAnswers } from '../domain/follow-ups';
import { ratingLevels } from '../domain/ratings';
import { reviewDecisions, reviewLevels } from '../domain/reviews';
import { listFollowUps, recordFollowUp, reopenCase } from '../services/follow-ups';
import { listReviews, recordReviewDecision, recordReviewRequest } from '../services/reviews';
import { caseProcedure, router } from '../trpc';
import { dateField, optional } from './fields';

/** After the case: follow-up visits (回访), taking a dispute that came back up again, and review requests (复查/复核). */
export const aftercareRouter = router({
  followUps: caseProcedure.query(({ ctx }) => listFollowUps(ctx.db, ctx.access)),
  recordFollowUp: caseProcedure
    .input(
      z.object({
        visitId: z.uuid(),
        reachedPartyId: optional(z.uuid()),
        method: z.enum(followUpMethods),
        honoured: optional(z.enum(honouredAnswers)),
        satisfaction: optional(z.enum(ratingLevels)),
        newDispute: z.boolean(),
        measures: optional(z.string().trim().max(2000)),
      }),
    )
    .mutation(({ ctx, input }) => recordFollowUp(ctx.svc, ctx.access, input)),
  reopen: caseProcedure
    .input(z.object({ reason: z.string().trim().min(1).max(1000), expectedVersion: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => reopenCase(ctx.svc, ctx.access, input)),
  reviews: caseProcedure.query(({ ctx }) => listReviews(ctx.db, ctx.access)),
  requestReview: caseProcedure
    .input(z.object({ level: z.enum(reviewLevels), body: z.string().trim().min(1).max(100), requestedOn: dateField }))
    .mutation(({ ctx, input }) => recordReviewRequest(ctx.svc, ctx.access, input)),
  decideReview: caseProcedure
    .input(z.object({ level: z.enum(reviewLevels), decision: z.enum(reviewDecisions), decidedOn: dateField, note: optional(z.string().trim().max(2000)) }))
    .mutation(({ ctx, input }) => recordReviewDecision(ctx.svc, ctx.access, input)),
});
