import { z } from 'zod';
import { visibilities } from '../domain/case-status';
import { checklistStatuses } from '../domain/checklist';
import { sessionOutcomes } from '../domain/sessions';
import { caseClockKinds, pauseReasons, tracks } from '../domain/tracks';
import { visitReasons } from '../domain/agreements';
import { changeTrack, extendClock, pauseClock, resumeClock } from '../services/clock-actions';
import { answerChecklistItem, listChecklist, updateChecklistItem } from '../services/checklist';
import { updateCaseDetails } from '../services/case-details';
import { cancelSession, recordSession, rescheduleSession, scheduleSession } from '../services/sessions';
import { getCaseView } from '../services/case-queries';
import { revealContact } from '../services/contact-reveal';
import { recordVisit } from '../services/intake-decisions';
import { extensionNotice } from '../services/notices';
import { liveTimeline, postEntry, readTimeline } from '../services/timeline';
import { caseProcedure, router } from '../trpc';
import { amountField, dateField, dateTimeField, optional } from './fields';

const version = z.number().int().min(1);
const sessionSlot = {
  startsAt: dateTimeField,
  endsAt: dateTimeField,
  room: optional(z.string().trim().max(50)),
  onlineLink: optional(z.url({ protocol: /^https?$/ })),
};

export const caseRouter = router({
  get: caseProcedure.query(({ ctx }) => getCaseView(ctx.db, ctx.access, ctx.user, ctx.locale)),
  recordVisit: caseProcedure
    .input(z.object({ note: optional(z.string().trim().max(500)), reason: z.enum(visitReasons).default('required') }))
    .mutation(({ ctx, input }) => recordVisit(ctx.svc, ctx.access, input)),
  /** Server-sent events of the entries the caller may read, rendered for them, as they are written. */
  live: caseProcedure
    .input(z.object({ after: dateTimeField }))
    .subscription(({ ctx, input, signal }) => liveTimeline(ctx.db, ctx.user, ctx.access, ctx.locale, input.after, signal)),
  update: caseProcedure
    .input(
      z.object({
        expectedVersion: version,
        title: optional(z.string().trim().min(1).max(100)),
        description: optional(z.string().trim().min(1).max(5000)),
        request: optional(z.string().trim().min(1).max(2000)),
        amountInDispute: optional(amountField),
      }),
    )
    .mutation(({ ctx, input }) => updateCaseDetails(ctx.svc, ctx.access, input)),
  scheduleSession: caseProcedure
    .input(
      z.object({
        ...sessionSlot,
        memberIds: z.array(z.uuid()).max(12).default([]),
        partyIds: z.array(z.uuid()).max(100).default([]),
      }),
    )
    .mutation(({ ctx, input }) => scheduleSession(ctx.svc, ctx.access, input)),
  rescheduleSession: caseProcedure
    .input(z.object({ sessionId: z.uuid(), ...sessionSlot }))
    .mutation(({ ctx, input }) => rescheduleSession(ctx.svc, ctx.access, input)),
  cancelSession: caseProcedure
    .input(z.object({ sessionId: z.uuid(), reason: z.string().trim().min(1).max(500) }))
    .mutation(({ ctx, input }) => cancelSession(ctx.svc, ctx.access, input)),
  recordSession: caseProcedure
    .input(z.object({ sessionId: z.uuid(), minutes: z.string().trim().min(1).max(10000), outcome: z.enum(sessionOutcomes) }))
    .mutation(({ ctx, input }) => recordSession(ctx.svc, ctx.access, input)),
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
    .mutation(({ ctx, input }) => updateChecklistItem(ctx.svc, ctx.access, input)),
  /** A party answers a missing item with a file they added to the case. */
  answerChecklistItem: caseProcedure
    .input(z.object({ itemId: z.uuid(), evidenceId: z.uuid() }))
    .mutation(({ ctx, input }) => answerChecklistItem(ctx.svc, ctx.access, input)),
  /** A page of the timeline, newest first, rendered for the caller; `before` pages back. */
  timeline: caseProcedure
    .input(z.object({ beforeId: optional(z.uuid()), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => readTimeline(ctx.db, ctx.access, ctx.locale, input)),
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
    .mutation(({ ctx, input }) => postEntry(ctx.svc, ctx.access, input)),
  changeTrack: caseProcedure
    .input(z.object({ track: z.enum(tracks), reason: z.string().trim().min(1).max(500), expectedVersion: version }))
    .mutation(({ ctx, input }) => changeTrack(ctx.svc, ctx.access, input)),
  extendClock: caseProcedure
    .input(
      z.object({
        clock: z.enum(caseClockKinds),
        days: z.number().int().min(1).max(365),
        reason: z.string().trim().min(1).max(500),
        consent: optional(z.object({ partyIds: z.array(z.uuid()).min(1).max(500), method: z.string().trim().min(1).max(200) })),
        expectedVersion: version,
      }),
    )
    .mutation(({ ctx, input }) => extendClock(ctx.svc, ctx.access, input)),
  pauseClock: caseProcedure
    .input(z.object({ clock: z.enum(caseClockKinds), reason: z.enum(pauseReasons), note: optional(z.string().trim().max(500)), expectedVersion: version }))
    .mutation(({ ctx, input }) => pauseClock(ctx.svc, ctx.access, input)),
  /** One party's full ID number and phone (shown masked everywhere else); audited. */
  revealContact: caseProcedure.input(z.object({ partyId: z.uuid() })).mutation(({ ctx, input }) => revealContact(ctx.svc, ctx.access, input)),
  /** The printable notice of the latest extension, for the petitioner. */
  extensionNotice: caseProcedure.query(({ ctx }) => extensionNotice(ctx.db, ctx.access)),
  resumeClock: caseProcedure
    .input(z.object({ clock: z.enum(caseClockKinds), expectedVersion: version }))
    .mutation(({ ctx, input }) => resumeClock(ctx.svc, ctx.access, input)),
});
