import { z } from 'zod';
import { visibilities } from '../domain/case-status';
import { getCaseView } from '../services/case-queries';
import { recordVisit } from '../services/intake-decisions';
import { postEntry, timelinePage } from '../services/timeline';
import { caseProcedure, router } from '../trpc';
import { optional } from './fields';

export const caseRouter = router({
  get: caseProcedure.query(({ ctx }) => getCaseView(ctx.db, ctx.access, ctx.user)),
  recordVisit: caseProcedure
    .input(z.object({ note: optional(z.string().trim().max(500)) }))
    .mutation(({ ctx, input }) => recordVisit(ctx.db, ctx.user, ctx.access, input)),
  timeline: caseProcedure
    .input(z.object({ before: optional(z.coerce.date()), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => timelinePage(ctx.db, ctx.access, input)),
  post: caseProcedure
    .input(
      z.object({
        text: z.string().trim().min(1).max(5000),
        visibility: z.enum(visibilities),
        caucusPartyId: optional(z.uuid()),
        mentions: z.array(z.uuid()).max(20).default([]),
        attachmentIds: z.array(z.uuid()).max(10).default([]),
      }),
    )
    .mutation(({ ctx, input }) => postEntry(ctx.db, ctx.user, ctx.access, input)),
});
