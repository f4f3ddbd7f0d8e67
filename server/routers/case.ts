import { z } from 'zod';
import { visibilities } from '../domain/case-status';
import { checklistStatuses } from '../domain/checklist';
import { sessionOutcomes } from '../domain/sessions';
import { listChecklist, updateChecklistItem } from '../services/checklist';
import { updateCaseDetails } from '../services/case-details';
import { recordSession, scheduleSession } from '../services/sessions';
import { getCaseView } from '../services/case-queries';
import { recordVisit } from '../services/intake-decisions';
import { liveTimeline, postEntry, timelinePage } from '../services/timeline';
import { caseProcedure, router } from '../trpc';
import { amountField, dateField, dateTimeField, optional } from './fields';

export const caseRouter = router({
  get: caseProcedure.query(({ ctx }) => getCaseView(ctx.db, ctx.access, ctx.user)),
  recordVisit: caseProcedure
    .input(z.object({ note: optional(z.string().trim().max(500)) }))
    .mutation(({ ctx, input }) => recordVisit(ctx.db, ctx.user, ctx.access, input)),
  /**
   * Server-sent events: the entries the caller may read, as they are written. Access is
   * checked again on every change, so a member removed from the panel stops receiving.
   */
  /** Server-sent events of the entries the caller may read, as they are written. */
  live: caseProcedure
    .input(z.object({ after: dateTimeField }))
    .subscription(({ ctx, input, signal }) => liveTimeline(ctx.db, ctx.user, ctx.access, input.after, signal)),
  update: caseProcedure
    .input(
      z.object({
        expectedVersion: z.number().int().min(1),
        title: optional(z.string().trim().min(1).max(100)),
        description: optional(z.string().trim().min(1).max(5000)),
        request: optional(z.string().trim().min(1).max(2000)),
        amountInDispute: optional(amountField),
      }),
    )
    .mutation(({ ctx, input }) => updateCaseDetails(ctx.db, ctx.user, ctx.access, input)),
  scheduleSession: caseProcedure
    .input(
      z.object({
        startsAt: dateTimeField,
        endsAt: dateTimeField,
        room: optional(z.string().trim().max(50)),
        onlineLink: optional(z.url({ protocol: /^https?$/ })),
        memberIds: z.array(z.uuid()).max(12).default([]),
        partyIds: z.array(z.uuid()).max(100).default([]),
      }),
    )
    .mutation(({ ctx, input }) => scheduleSession(ctx.db, ctx.user, ctx.access, input)),
  recordSession: caseProcedure
    .input(z.object({ sessionId: z.uuid(), minutes: z.string().trim().min(1).max(10000), outcome: z.enum(sessionOutcomes) }))
    .mutation(({ ctx, input }) => recordSession(ctx.db, ctx.user, ctx.access, input)),
  checklist: caseProcedure.query(({ ctx }) => listChecklist(ctx.db, ctx.access)),
  updateChecklistItem: caseProcedure
    .input(
      z.object({
        itemId: z.uuid(),
        status: optional(z.enum(checklistStatuses)),
        assigneeId: z.uuid().nullable().optional(),
        dueOn: dateField.nullable().optional(),
        evidenceId: z.uuid().nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateChecklistItem(ctx.db, ctx.user, ctx.access, input)),
  timeline: caseProcedure
    .input(z.object({ before: optional(dateTimeField), limit: z.number().int().min(1).max(200).default(50) }))
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
