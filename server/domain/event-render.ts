import type { Translate } from '../i18n/translate';
import { localDateOf, type LocalDate } from './calendar';
import { eventMeta, parseEvent, type CaseEvent, type EventKind, type EventPayload } from './case-events';

/**
 * One renderer per event kind, for three audiences: the panel and the center's staff, the
 * parties, and the public tracking page (no names, public kinds only). Every text comes from
 * the catalogs, so no raw key ever reaches a person.
 */
export type Audience = 'staff' | 'parties' | 'public';

export interface RenderTools {
  t: Translate;
  /** An instant, in Asia/Shanghai, in the reader's language. */
  dateTime(iso: string): string;
  date(day: LocalDate): string;
}

export interface StoredEvent {
  kind: string;
  payload: unknown;
  actorName: string | null;
  /** Set when the system acted (a deadline sweep), not a person. */
  actorSystem: string | null;
}

export interface RenderedEvent {
  title: string;
  details: string[];
  files: { id: string; name: string }[];
}

interface Context extends RenderTools {
  audience: Audience;
  actor: string;
}

type Renderer<K extends EventKind> = (p: EventPayload<K>, c: Context) => { title: string; details?: string[]; files?: RenderedEvent['files'] };

const place = (room: string | null, link: string | null) => room ?? link ?? '';

const renderers: { [K in EventKind]: Renderer<K> } = {
  registered: (p, c) => {
    const channel = c.t(`channel.${p.channel}`);
    const title =
      c.audience === 'public'
        ? c.t('events.registered.public')
        : p.registeredFor
          ? c.t('events.registered.for', { actor: c.actor, for: p.registeredFor, channel })
          : c.t('events.registered.self', { actor: c.actor });
    const details: string[] = [];
    if (p.channel === 'letter' || p.channel === 'transfer') details.push(c.t('events.receivedOn', { date: c.date(localDateOf(new Date(p.receivedAt))) }));
    if (p.sourceAgency && c.audience !== 'public') details.push(c.t('events.sourceAgency', { agency: p.sourceAgency }));
    return { title, details };
  },
  repeat_petition: (p, c) => ({ title: c.t('events.repeat_petition', { actor: c.actor }), details: [p.title] }),
  accepted: (p, c) => ({ title: c.t('events.accepted', { actor: c.actor, track: c.t(`tracks.${p.track}`) }) }),
  declined: (p, c) => ({
    title: c.t('events.declined', { actor: c.actor }),
    details: [c.t('events.reason', { reason: p.reason }), ...(p.destination ? [c.t('events.destination', { destination: p.destination })] : [])],
  }),
  transferred: (p, c) => ({ title: c.t('events.transferred', { actor: c.actor }), details: [c.t('events.destination', { destination: p.destination })] }),
  merged_into: (p, c) => ({ title: c.t('events.merged_into', { actor: c.actor, caseNumber: p.caseNumber }) }),
  merged_in: (p, c) => ({ title: c.t('events.merged_in', { actor: c.actor, caseNumber: p.caseNumber, applicants: p.applicants, evidence: p.evidence }) }),
  linked: (p, c) => ({ title: c.t('events.linked', { actor: c.actor, caseNumber: p.caseNumber }) }),
  visit: (p, c) => ({ title: c.t('events.visit', { actor: c.actor }), details: p.note ? [p.note] : [] }),
  evidence_added: (p, c) => ({ title: c.t('events.evidence_added', { actor: c.actor }), files: [{ id: p.fileId, name: p.fileName }] }),
  note: (p, c) => ({
    title: c.actor,
    details: [p.text, ...(p.mentions.length ? [c.t('events.mentioned', { names: p.mentions.map((m) => m.name).join(c.t('events.separator')) })] : [])],
    files: p.attachments.map((a) => ({ id: a.id, name: a.fileName })),
  }),
  panel_member_added: (p, c) =>
    ({ title: c.t(p.isLead ? 'events.panel_lead_added' : 'events.panel_member_added', { actor: c.actor, member: p.memberName, role: c.t(`roles.${p.memberRole}`) }) }),
  panel_member_removed: (p, c) => ({ title: c.t('events.panel_member_removed', { actor: c.actor, member: p.memberName, role: c.t(`roles.${p.memberRole}`) }) }),
  panel_lead_changed: (p, c) => ({ title: c.t('events.panel_lead_changed', { actor: c.actor, member: p.memberName }) }),
  mediation_started: (p, c) => ({ title: c.t('events.mediation_started', { actor: c.actor, n: p.members }) }),
  details_updated: (p, c) => ({
    title: c.t('events.details_updated', { actor: c.actor }),
    details: [p.fields.map((f) => c.t(`caseField.${f}`)).join(c.t('events.separator'))],
  }),
  session_scheduled: (p, c) => ({
    title: c.t('events.session_scheduled', { actor: c.actor, time: c.dateTime(p.startsAt) }),
    details: [c.t('events.place', { place: place(p.room, p.onlineLink) })],
  }),
  session_rescheduled: (p, c) => ({
    title: c.t('events.session_rescheduled', { actor: c.actor, time: c.dateTime(p.startsAt) }),
    details: [c.t('events.place', { place: place(p.room, p.onlineLink) }), c.t('events.previousTime', { time: c.dateTime(p.previousStartsAt) })],
  }),
  session_cancelled: (p, c) => ({
    title: c.t('events.session_cancelled', { actor: c.actor, time: c.dateTime(p.startsAt) }),
    details: c.audience === 'public' ? [] : [c.t('events.reason', { reason: p.reason })],
  }),
  session_held: (p, c) => ({
    title: c.t('events.session_held', { actor: c.actor }),
    details: [c.t('events.outcome', { outcome: c.t(`session.outcomes.${p.outcome}`) })],
  }),
  session_minutes: (p, c) => ({ title: c.t('events.session_minutes', { actor: c.actor }), details: [p.text] }),
  checklist_provided: (p, c) => ({ title: c.t('events.checklist_provided', { actor: c.actor, label: p.label }) }),
  checklist_updated: (p, c) => ({
    title: c.t('events.checklist_updated', { actor: c.actor, label: p.label }),
    details: [
      ...(p.assigneeName ? [c.t('events.assignee', { name: p.assigneeName })] : []),
      ...(p.dueOn ? [c.t('events.dueOn', { date: c.date(p.dueOn) })] : []),
    ],
  }),
  track_changed: (p, c) => ({
    title: c.t('events.track_changed', { actor: c.actor, track: c.t(`tracks.${p.to}`) }),
    details: [c.t('events.reason', { reason: p.reason })],
  }),
  clock_extended: (p, c) => ({
    title: c.t('events.clock_extended', {
      actor: c.actor,
      clock: c.t(`clock.kind.${p.clock}`),
      days: p.days,
      due: c.dateTime(p.dueAt),
    }),
    details: [
      c.t('events.reason', { reason: p.reason }),
      ...(p.consent && c.audience !== 'public' ? [c.t('events.consent', { parties: p.consent.parties.join(c.t('events.separator')), method: p.consent.method })] : []),
    ],
  }),
  clock_paused: (p, c) => ({
    title: c.t('events.clock_paused', { actor: c.actor, clock: c.t(`clock.kind.${p.clock}`) }),
    details: [c.t(`clock.pauseReason.${p.reason}`), ...(p.note && c.audience !== 'public' ? [p.note] : [])],
  }),
  clock_resumed: (p, c) => ({
    title: c.t('events.clock_resumed', {
      actor: c.actor,
      clock: c.t(`clock.kind.${p.clock}`),
      due: c.dateTime(p.dueAt),
    }),
  }),
  clock_reminder: (p, c) => ({
    title: c.t(`events.clock_reminder.${p.threshold}`, { clock: c.t(`clock.kind.${p.clock}`), due: c.dateTime(p.dueAt) }),
  }),
  applicants_added: (p, c) => ({ title: c.t('events.applicants_added', { actor: c.actor, count: p.count, total: p.total }) }),
  agreement_drafted: (p, c) => ({ title: c.t(p.supplement ? 'events.supplement_drafted' : 'events.agreement_drafted', { actor: c.actor, number: p.number }) }),
  agreement_updated: (p, c) => ({ title: c.t('events.agreement_updated', { actor: c.actor, terms: p.terms, total: p.total }) }),
  agreement_marked: (p, c) => ({
    title:
      p.mark === 'party'
        ? c.t('events.agreement_marked.party', { name: p.partyName ?? '', method: c.t(`agreement.method.${p.method}`) })
        : c.t(`events.agreement_marked.${p.mark}`, { actor: c.actor }),
  }),
  agreement_effective: (p, c) => ({ title: c.t(p.oral ? 'events.oral_agreement_effective' : 'events.agreement_effective', { number: p.number, date: c.dateTime(p.effectiveAt) }) }),
  mediation_terminated: (p, c) => ({
    title: c.t('events.mediation_terminated', { actor: c.actor, kind: c.t(`closure.termination.${p.kind}`) }),
    details: c.audience === 'public' ? [] : [c.t('events.reason', { reason: p.reason })],
  }),
  confirmation_applied: (p, c) => ({ title: c.t('events.confirmation_applied', { actor: c.actor, court: p.court, number: p.agreementNumber }) }),
  confirmation_accepted: (p, c) => ({ title: c.t('events.confirmation_accepted', { court: p.court }) }),
  confirmation_decided: (p, c) => ({
    title: c.t(p.confirmed ? 'events.confirmation_confirmed' : 'events.confirmation_rejected'),
    details: [
      ...(p.reason ? [c.t('events.reason', { reason: p.reason })] : []),
      ...(p.enforcementUntil ? [c.t('events.enforcementUntil', { date: c.date(p.enforcementUntil) })] : []),
    ],
  }),
  confirmation_window_closed: (p, c) => ({ title: c.t('events.confirmation_window_closed', { number: p.agreementNumber }) }),
  payment_recorded: (p, c) => ({
    title: c.t('events.payment_recorded', { actor: c.actor, amount: p.amount, obligee: p.obligee ?? c.t('events.someone'), date: c.date(p.paidOn) }),
    details: [p.term, c.t('events.outstanding', { amount: p.outstanding })],
  }),
  act_performed: (p, c) => ({ title: c.t('events.act_performed', { actor: c.actor }), details: [p.term] }),
  term_due_soon: (p, c) => ({ title: c.t('events.term_due_soon', { obligee: p.obligee ?? '', date: c.date(p.dueOn), amount: p.outstanding }), details: [p.term] }),
  term_missed: (p, c) => ({ title: c.t('events.term_missed', { obligee: p.obligee ?? '', date: c.date(p.dueOn), amount: p.outstanding }), details: [p.term] }),
  document_generated: (p, c) => ({
    title: c.t('events.document_generated', { actor: c.actor, document: c.t(`documents.kind.${p.document}`) }),
    details: p.partyName ? [p.partyName] : [],
  }),
  document_served: (p, c) => ({ title: c.t('events.document_served', { document: c.t(`documents.kind.${p.document}`), name: p.partyName, method: c.t(`documents.service.${p.method}`) }) }),
  case_closed: (p, c) => ({
    title: c.t('events.case_closed', { actor: c.actor, outcome: c.t(`closure.outcome.${p.outcome}`) }),
    details: p.amountClaimed ? [c.t('events.amounts', { claimed: p.amountClaimed, recovered: p.amountRecovered ?? '0.00' })] : [],
  }),
  petition_replied: (p, c) => ({
    title: c.t('events.petition_replied', { actor: c.actor, decision: c.t(`closure.reply.${p.decision}`) }),
    details: [c.t('events.reviewBy', { date: c.date(p.reviewBy) })],
  }),
  assigned_out: (p, c) => ({ title: c.t('events.assigned_out', { actor: c.actor, destination: p.destination, date: c.date(p.reportDueOn) }) }),
  report_received: (p, c) => ({ title: c.t('events.report_received', { destination: p.destination }) }),
  rated: (p, c) => ({ title: c.t(p.followUp ? 'events.rated_follow_up' : 'events.rated', { scope: c.t(`rating.scope.${p.scope}`), level: c.t(`rating.level.${p.level}`) }) }),
  rating_called_back: (_p, c) => ({ title: c.t('events.rating_called_back', { actor: c.actor }) }),
  rating_verified: (p, c) => ({ title: c.t('events.rating_verified', { actor: c.actor, verification: c.t(`rating.verification.${p.verification}`) }) }),
  rectification_reported: (p, c) => ({ title: c.t('events.rectification_reported', { actor: c.actor, verification: c.t(`rating.verification.${p.verification}`) }) }),
  follow_ups_planned: (p, c) => ({ title: c.t('events.follow_ups_planned', { dates: p.dates.map((d) => c.date(d)).join(c.t('events.separator')) }) }),
  follow_up_recorded: (p, c) => ({
    title: c.t('events.follow_up_recorded', { actor: c.actor, reason: c.t(`followUp.reason.${p.reason}`), method: c.t(`followUp.method.${p.method}`) }),
    details: [
      ...(p.honoured ? [c.t(`followUp.honoured.${p.honoured}`)] : []),
      ...(p.newDispute ? [c.t('followUp.newDisputeYes')] : []),
      ...(p.measures ? [p.measures] : []),
    ],
  }),
  not_accepted_again: (p, c) => ({ title: c.t('events.not_accepted_again', { actor: c.actor, caseNumber: p.earlierCaseNumber }) }),
  case_reopened: (p, c) => ({ title: c.t('events.case_reopened', { actor: c.actor }), details: [p.reason] }),
  review_requested: (p, c) => ({ title: c.t('events.review_requested', { level: c.t(`review.level.${p.level}`), body: p.body, date: c.date(p.answerDueOn) }) }),
  review_decided: (p, c) => ({ title: c.t('events.review_decided', { level: c.t(`review.level.${p.level}`), decision: c.t(`review.decision.${p.decision}`) }), details: p.note ? [p.note] : [] }),
  supervision_ordered: (p, c) => ({ title: c.t('events.supervision_ordered', { actor: c.actor, date: c.date(p.dueOn) }), details: [p.instruction] }),
  supervision_answered: (p, c) => ({ title: c.t('events.supervision_answered', { actor: c.actor }), details: [p.response] }),
  rating_appeal_decided: (p, c) => ({ title: c.t(p.upheld ? 'events.rating_appeal_upheld' : 'events.rating_appeal_rejected', { actor: c.actor }) }),
};

/** The event as `audience` reads it, or null when it is not for them (the public page). */
export function renderEvent(stored: StoredEvent, audience: Audience, tools: RenderTools): RenderedEvent | null {
  const event = parseEvent(stored.kind, stored.payload);
  if (audience === 'public' && (!event || !eventMeta[event.kind].public)) return null;
  // An entry written before its kind had this shape still reads as something that happened.
  if (!event) return { title: tools.t('events.unknown'), details: [], files: [] };
  // The public page names nobody: the center acts.
  const actor =
    audience === 'public' ? tools.t('events.publicActor') : stored.actorSystem ? tools.t('events.system') : (stored.actorName ?? tools.t('events.someone'));
  const render = renderers[event.kind] as Renderer<CaseEvent['kind']>;
  const out = render(event.payload as never, { ...tools, audience, actor });
  return { title: out.title, details: out.details ?? [], files: audience === 'public' ? [] : (out.files ?? []) };
}

/** What a notice says, in the inbox and by SMS: the case number and what happened. */
export type NoticePurpose = 'event' | 'mention' | 'assignment';

export function renderNotice(purpose: NoticePurpose, caseNumber: string, rendered: RenderedEvent | null, actorName: string, t: Translate): string {
  switch (purpose) {
    case 'mention':
      return t('notices.mention', { caseNumber, actor: actorName });
    case 'assignment':
      return t('notices.assignment', { caseNumber });
    case 'event': {
      const title = rendered?.title ?? t('events.unknown');
      const detail = rendered?.details[0];
      return detail ? t('notices.eventWithDetail', { caseNumber, text: title, detail }) : t('notices.event', { caseNumber, text: title });
    }
  }
}
