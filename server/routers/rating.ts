import { z } from 'zod';
import { ratingLevels, ratingScopes, ratingTags, verifications } from '../domain/ratings';
import { answerRating, caseRatings, decideRatingAppeal, ratingChoices, ratingLinkView, rectificationList, submitRating, submitRatingByLink } from '../services/ratings';
import { caseProcedure, publicProcedure, roleProcedure, router } from '../trpc';
import { optional } from './fields';

const rating = {
  level: z.enum(ratingLevels),
  tags: z.array(z.enum(ratingTags)).max(ratingTags.length).default([]),
  comment: optional(z.string().trim().max(500)),
};
// 24 random bytes in base64url: exactly 32 characters of that alphabet.
const token = z.string().regex(/^[A-Za-z0-9_-]{32}$/, { error: 'rating.linkUnknown' });
const note = z.string().trim().min(1).max(2000);

export const ratingRouter = router({
  /** The caller's view of the case's ratings (who rated: the director and the rater alone). */
  list: caseProcedure.query(({ ctx }) => caseRatings(ctx.db, ctx.access)),
  choices: caseProcedure.query(({ ctx }) => ratingChoices(ctx.db, ctx.access)),
  submit: caseProcedure
    .input(z.object({ ...rating, scope: z.enum(ratingScopes), visitId: optional(z.uuid()), followUpOf: optional(z.uuid()) }))
    .mutation(({ ctx, input }) => submitRating(ctx.svc, ctx.access, input)),
  /** Public, from the SMS link: a mutation, so the token travels in the body, not in a logged URL. */
  linkView: publicProcedure.input(z.object({ token })).mutation(({ ctx, input }) => ratingLinkView(ctx.db, input.token, ctx.ip)),
  submitByLink: publicProcedure
    .input(z.object({ ...rating, token }))
    .mutation(({ ctx, input }) => submitRatingByLink(ctx.db, input.token, { scope: 'case', level: input.level, tags: input.tags, comment: input.comment }, ctx.ip)),
  answer: caseProcedure
    .input(z.object({ ratingId: z.uuid(), step: z.enum(['call_back', 'verify', 'report']), note, verification: optional(z.enum(verifications)) }))
    .mutation(({ ctx, input }) => answerRating(ctx.svc, ctx.access, input)),
  decideAppeal: caseProcedure
    .input(z.object({ ratingId: z.uuid(), upheld: z.boolean(), note }))
    .mutation(({ ctx, input }) => decideRatingAppeal(ctx.svc, ctx.access, input)),
  /** The director's list of bad ratings to answer; the supervisor's appeals. */
  rectifications: roleProcedure('director', 'supervisor').query(({ ctx }) => rectificationList(ctx.db, ctx.user)),
});
