import { z } from 'zod';
import { channels, type Visibility } from './case-status';
import { panelRoles } from './roles';
import { sessionOutcomes } from './sessions';
import { clockKinds, pauseReasons, tracks } from './tracks';
import { closureOutcomes, markMethods, replyDecisions, terminationKinds } from './agreements';
import { documentKinds } from './documents';
import { ratingLevels, ratingScopes, verifications } from './ratings';
import { followUpMethods, followUpReasons, honouredAnswers } from './follow-ups';
import { reviewDecisions, reviewLevels } from './reviews';

/**
 * Everything that happens to a case is one of these typed events: a kind and a payload
 * validated by its schema. One writer stores them (server/services/case-events.ts: the
 * timeline row, the audit row, the live notice and the people's notices) and one renderer
 * per audience shows them (server/domain/event-render.ts).
 */

const id = z.uuid();
const text = z.string();
const iso = z.iso.datetime({ offset: true });
const member = { memberId: id, memberName: text, memberRole: z.enum(panelRoles) };

export const clockThresholds = ['three_days', 'due_today', 'overdue'] as const;

export const editableCaseFields = ['title', 'description', 'request', 'amountInDispute'] as const;

export const caseEventSchemas = {
  registered: z.object({
    channel: z.enum(channels),
    applicants: z.number().int(),
    evidence: z.number().int(),
    sourceAgency: text.nullable(),
    receivedAt: iso,
    /** The first applicant's name when staff registered it for them. */
    registeredFor: text.nullable(),
  }),
  repeat_petition: z.object({ title: text }),
  accepted: z.object({ track: z.enum(tracks) }),
  declined: z.object({ reason: text, destination: text.nullable() }),
  transferred: z.object({ destination: text }),
  merged_into: z.object({ caseNumber: text }),
  merged_in: z.object({ caseNumber: text, applicants: z.number().int(), evidence: z.number().int() }),
  linked: z.object({ caseNumber: text }),
  visit: z.object({ note: text.nullable() }),
  evidence_added: z.object({ fileId: id, fileName: text }),
  note: z.object({
    text,
    mentions: z.array(z.object({ id, name: text })),
    attachments: z.array(z.object({ id, fileName: text })),
  }),
  panel_member_added: z.object({ ...member, isLead: z.boolean() }),
  panel_member_removed: z.object(member),
  panel_lead_changed: z.object(member),
  mediation_started: z.object({ members: z.number().int() }),
  details_updated: z.object({
    fields: z.array(z.enum(editableCaseFields)),
    /** What the facts said before and after the correction, for the record. */
    before: z.record(z.string(), z.string().nullable()),
    after: z.record(z.string(), z.string().nullable()),
  }),
  session_scheduled: z.object({ sessionId: id, startsAt: iso, endsAt: iso, room: text.nullable(), onlineLink: text.nullable() }),
  session_rescheduled: z.object({
    sessionId: id,
    startsAt: iso,
    endsAt: iso,
    room: text.nullable(),
    onlineLink: text.nullable(),
    previousStartsAt: iso,
  }),
  session_cancelled: z.object({ sessionId: id, startsAt: iso, reason: text }),
  session_held: z.object({ sessionId: id, outcome: z.enum(sessionOutcomes) }),
  session_minutes: z.object({ sessionId: id, text }),
  checklist_provided: z.object({ label: text }),
  checklist_updated: z.object({ label: text, assigneeName: text.nullable(), dueOn: text.nullable() }),
  track_changed: z.object({ from: z.enum(tracks).nullable(), to: z.enum(tracks), reason: text }),
  clock_extended: z.object({
    clock: z.enum(clockKinds),
    days: z.number().int(),
    reason: text,
    previousDueAt: iso,
    dueAt: iso,
    /** Mediation clocks: who agreed to go on, and how it was recorded. */
    consent: z.object({ parties: z.array(text), method: text }).nullable(),
  }),
  clock_paused: z.object({ clock: z.enum(clockKinds), reason: z.enum(pauseReasons), note: text.nullable() }),
  clock_resumed: z.object({ clock: z.enum(clockKinds), dueAt: iso }),
  clock_reminder: z.object({ clock: z.enum(clockKinds), threshold: z.enum(clockThresholds), dueAt: iso }),
  applicants_added: z.object({ count: z.number().int(), total: z.number().int() }),
  agreement_drafted: z.object({ agreementId: id, number: text, supplement: z.boolean() }),
  agreement_updated: z.object({ agreementId: id, terms: z.number().int(), total: text }),
  agreement_marked: z.object({
    agreementId: id,
    mark: z.enum(['party', 'mediator', 'committee_seal']),
    partyName: text.nullable(),
    method: z.enum(markMethods),
  }),
  agreement_effective: z.object({ agreementId: id, number: text, oral: z.boolean(), effectiveAt: iso }),
  mediation_terminated: z.object({ kind: z.enum(terminationKinds), reason: text }),
  confirmation_applied: z.object({ court: text, agreementNumber: text }),
  confirmation_accepted: z.object({ court: text }),
  confirmation_decided: z.object({ confirmed: z.boolean(), reason: text.nullable(), enforcementUntil: text.nullable() }),
  confirmation_window_closed: z.object({ agreementNumber: text }),
  payment_recorded: z.object({ term: text, obligee: text.nullable(), amount: text, paidOn: text, outstanding: text }),
  act_performed: z.object({ term: text }),
  term_due_soon: z.object({ term: text, obligee: text.nullable(), dueOn: text, outstanding: text }),
  term_missed: z.object({ term: text, obligee: text.nullable(), dueOn: text, outstanding: text }),
  document_generated: z.object({ documentId: id, document: z.enum(documentKinds), hash: text, partyName: text.nullable() }),
  document_served: z.object({ document: z.enum(documentKinds), partyName: text, method: text }),
  case_closed: z.object({ outcome: z.enum(closureOutcomes), amountClaimed: text.nullable(), amountRecovered: text.nullable() }),
  petition_replied: z.object({ decision: z.enum(replyDecisions), reviewBy: text }),
  assigned_out: z.object({ destination: text, reportDueOn: text }),
  report_received: z.object({ destination: text }),
  // No rater's name in these: who rated is for the director handling it alone.
  rated: z.object({ ratingId: id, scope: z.enum(ratingScopes), level: z.enum(ratingLevels), followUp: z.boolean() }),
  rating_called_back: z.object({ ratingId: id }),
  rating_verified: z.object({ ratingId: id, verification: z.enum(verifications) }),
  rectification_reported: z.object({ ratingId: id, verification: z.enum(verifications) }),
  rating_appeal_decided: z.object({ ratingId: id, upheld: z.boolean() }),
  supervision_ordered: z.object({ orderId: id, instruction: text, dueOn: text }),
  supervision_answered: z.object({ orderId: id, response: text }),
  follow_ups_planned: z.object({ dates: z.array(text) }),
  follow_up_recorded: z.object({ reason: z.enum(followUpReasons), method: z.enum(followUpMethods), honoured: z.enum(honouredAnswers).nullable(), newDispute: z.boolean(), measures: text.nullable() }),
  case_reopened: z.object({ reason: text }),
  not_accepted_again: z.object({ earlierCaseNumber: text }),
  review_requested: z.object({ level: z.enum(reviewLevels), body: text, answerDueOn: text }),
  review_decided: z.object({ level: z.enum(reviewLevels), decision: z.enum(reviewDecisions), note: text.nullable() }),
} as const;

export type EventKind = keyof typeof caseEventSchemas;
export const eventKinds = Object.keys(caseEventSchemas) as EventKind[];
export type EventPayload<K extends EventKind> = z.infer<(typeof caseEventSchemas)[K]>;
export type CaseEvent = { [K in EventKind]: { kind: K; payload: EventPayload<K> } }[EventKind];

export interface EventMeta {
  /** The visibility it is written at, or `chosen` when the writer picks (notes, files). */
  visibility: Visibility | 'chosen';
  /** Shown on the public tracking page (without names). */
  public: boolean;
  /** Changes more of the case page than the timeline (status, panel, clocks, sessions). */
  refreshesCase: boolean;
}

const fact = (visibility: Visibility, isPublic = false, refreshesCase = true): EventMeta => ({ visibility, public: isPublic, refreshesCase });

export const eventMeta: Record<EventKind, EventMeta> = {
  registered: fact('parties', true),
  repeat_petition: fact('parties'),
  accepted: fact('parties', true),
  declined: fact('parties', true),
  transferred: fact('parties', true),
  merged_into: fact('parties', true),
  merged_in: fact('parties'),
  linked: fact('panel'),
  visit: fact('panel'),
  evidence_added: { visibility: 'chosen', public: false, refreshesCase: true },
  note: { visibility: 'chosen', public: false, refreshesCase: false },
  panel_member_added: fact('parties'),
  panel_member_removed: fact('parties'),
  panel_lead_changed: fact('parties'),
  mediation_started: fact('parties', true),
  details_updated: fact('parties'),
  session_scheduled: fact('parties', true),
  session_rescheduled: fact('parties', true),
  session_cancelled: fact('parties', true),
  session_held: fact('parties', true),
  // Minutes are for the panel alone (not the center's staff or the supervisor).
  session_minutes: fact('internal', false, false),
  checklist_provided: fact('panel'),
  checklist_updated: fact('panel'),
  track_changed: fact('parties'),
  clock_extended: fact('parties', true),
  clock_paused: fact('parties', true),
  clock_resumed: fact('parties', true),
  clock_reminder: fact('panel', false, false),
  applicants_added: fact('parties'),
  // The workers see the terms as soon as they are drafted, and when they take effect.
  agreement_drafted: fact('parties'),
  agreement_updated: fact('parties'),
  agreement_marked: fact('parties'),
  agreement_effective: fact('parties', true),
  mediation_terminated: fact('parties', true),
  confirmation_applied: fact('parties', true),
  confirmation_accepted: fact('parties', true),
  confirmation_decided: fact('parties', true),
  confirmation_window_closed: fact('parties'),
  payment_recorded: fact('parties'),
  act_performed: fact('parties'),
  term_due_soon: fact('panel', false, false),
  term_missed: fact('panel'),
  document_generated: fact('panel'),
  document_served: fact('parties'),
  case_closed: fact('parties', true),
  petition_replied: fact('parties', true),
  assigned_out: fact('parties', true),
  report_received: fact('parties', true),
  rated: fact('panel', false, false),
  rating_called_back: fact('panel', false, false),
  rating_verified: fact('panel', false, false),
  // The report itself stays with the rating (the rater and the director read it there).
  rectification_reported: fact('panel', false, false),
  rating_appeal_decided: fact('panel', false, false),
  // 督办 is between the supervisor and the center's staff.
  supervision_ordered: fact('panel', false, false),
  supervision_answered: fact('panel', false, false),
  follow_ups_planned: fact('panel', false, false),
  follow_up_recorded: fact('panel'),
  case_reopened: fact('parties', true),
  not_accepted_again: fact('parties', true),
  review_requested: fact('parties', true),
  review_decided: fact('parties', true),
};

export const publicEventKinds = eventKinds.filter((k) => eventMeta[k].public);

export function parseEvent(kind: string, payload: unknown): CaseEvent | null {
  const schema = caseEventSchemas[kind as EventKind];
  if (!schema) return null;
  const parsed = schema.safeParse(payload);
  return parsed.success ? ({ kind, payload: parsed.data } as CaseEvent) : null;
}

