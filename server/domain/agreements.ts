import { daysBetween, type LocalDate } from './calendar';

/**
 * Mediation agreements (调解协议书) and their terms. A written agreement takes effect with the
 * last required mark: every party's signature, seal or fingerprint (or confirmation on their
 * own phone), the mediator's signature and the mediation committee's seal (人民调解法 art. 29;
 * for labor disputes 劳动争议调解仲裁法 art. 14). An oral agreement is recorded with its content
 * and takes effect the day it is reached (人民调解法 art. 30). An effective agreement is never
 * edited; a supplementary agreement amends it.
 */

export const agreementKinds = ['written', 'oral'] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** The labor variant prints the labor-dispute wording and basis; the rules are the same. */
export const agreementVariants = ['people', 'labor'] as const;
export type AgreementVariant = (typeof agreementVariants)[number];

export const agreementStates = ['draft', 'effective'] as const;
export type AgreementState = (typeof agreementStates)[number];

export const termKinds = ['payment', 'act'] as const;
export type TermKind = (typeof termKinds)[number];

/** How a mark was made: at the window (recorded by staff), or confirmed by the party on their phone. */
export const markMethods = ['signature', 'seal', 'fingerprint', 'phone_code'] as const;
export type MarkMethod = (typeof markMethods)[number];

export type RequiredMark = { kind: 'party'; partyId: string } | { kind: 'mediator' } | { kind: 'committee_seal' };
export type RecordedMark = { kind: 'party'; partyId: string } | { kind: 'mediator' } | { kind: 'committee_seal' };

/** Every party of the case, then the mediator and the committee's seal. */
export function requiredMarks(partyIds: readonly string[]): RequiredMark[] {
  return [...partyIds.map((partyId) => ({ kind: 'party' as const, partyId })), { kind: 'mediator' }, { kind: 'committee_seal' }];
}

const sameMark = (a: RequiredMark, b: RecordedMark) => a.kind === b.kind && (a.kind !== 'party' || (b.kind === 'party' && a.partyId === b.partyId));

export function missingMarks(required: readonly RequiredMark[], recorded: readonly RecordedMark[]): RequiredMark[] {
  return required.filter((r) => !recorded.some((m) => sameMark(r, m)));
}

/** The parties mark first; the mediator signs and the seal is applied once they all have. */
export function markAllowed(mark: RecordedMark, required: readonly RequiredMark[], recorded: readonly RecordedMark[]): 'ok' | 'already_marked' | 'parties_first' | 'not_required' {
  if (!required.some((r) => sameMark(r, mark))) return 'not_required';
  if (recorded.some((r) => sameMark(mark as RequiredMark, r))) return 'already_marked';
  if (mark.kind !== 'party' && missingMarks(required, recorded).some((m) => m.kind === 'party')) return 'parties_first';
  return 'ok';
}

export interface TermDraft {
  kind: TermKind;
  obligorPartyId: string;
  obligeePartyId: string | null;
  description: string;
  /** Yuan, exact, for payments. */
  amount: string | null;
  dueOn: LocalDate | null;
  place: string | null;
  guarantor: string | null;
  onDefault: string | null;
}

export type TermProblem = 'payment_needs_amount' | 'needs_due_date' | 'unknown_party' | 'same_party' | 'no_terms';

/** What is wrong with a draft's terms, per term (index) — checked before the agreement can be signed. */
export function checkTerms(terms: readonly TermDraft[], partyIds: ReadonlySet<string>): { index: number; problem: TermProblem }[] {
  if (terms.length === 0) return [{ index: -1, problem: 'no_terms' }];
  const problems: { index: number; problem: TermProblem }[] = [];
  terms.forEach((t, index) => {
    if (!partyIds.has(t.obligorPartyId) || (t.obligeePartyId && !partyIds.has(t.obligeePartyId))) problems.push({ index, problem: 'unknown_party' });
    else if (t.obligeePartyId === t.obligorPartyId) problems.push({ index, problem: 'same_party' });
    if (t.kind === 'payment' && !(t.amount && Number(t.amount) > 0)) problems.push({ index, problem: 'payment_needs_amount' });
    if (!t.dueOn) problems.push({ index, problem: 'needs_due_date' });
  });
  return problems;
}

export type TermStatus = 'due' | 'paid' | 'partly_paid' | 'missed' | 'performed';

/**
 * Where a term stands today (Asia/Shanghai dates): a payment is paid in full, partly paid, still
 * due, or missed once its due day has passed without full payment; an act is performed once
 * recorded, else due or missed the same way.
 */
export function termStatus(term: { kind: TermKind; amount: string | null; dueOn: LocalDate | null }, paid: string | number, performed: boolean, today: LocalDate): TermStatus {
  const overdue = term.dueOn !== null && daysBetween(term.dueOn, today) > 0;
  if (term.kind === 'act') return performed ? 'performed' : overdue ? 'missed' : 'due';
  const owed = Math.round(Number(term.amount ?? 0) * 100);
  const got = Math.round(Number(paid) * 100);
  if (got >= owed) return 'paid';
  if (overdue) return 'missed';
  return got > 0 ? 'partly_paid' : 'due';
}

/** What is still owed on a payment term, in yuan with two decimals. */
export function outstanding(amount: string | null, paid: string | number): string {
  const cents = Math.max(0, Math.round(Number(amount ?? 0) * 100) - Math.round(Number(paid) * 100));
  return (cents / 100).toFixed(2);
}

/** Sums yuan amounts exactly (in cents). */
export function sumYuan(amounts: readonly (string | number | null)[]): string {
  return (amounts.reduce<number>((s, a) => s + Math.round(Number(a ?? 0) * 100), 0) / 100).toFixed(2);
}

/**
 * Judicial confirmation does not reach agreements on personal status (marriage, parentage,
 * adoption) or on title to property or intellectual property (法释〔2011〕5号 art. 7): the
 * pre-check asks about each and refuses with the reason.
 */
export const excludedSubjects = ['personal_status', 'property_title', 'ip_title'] as const;
export type ExcludedSubject = (typeof excludedSubjects)[number];

/** The application must be made within 30 days of the agreement taking effect; the enforcement window after confirmation is two years from the last day of performance (民事诉讼法 art. 250). */
export function enforcementEndsOn(lastDueOn: LocalDate): LocalDate {
  const [y, m, d] = lastDueOn.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + 2, m - 1, d));
  // 29 February two years on is 1 March.
  return date.getUTCMonth() === m - 1 ? date.toISOString().slice(0, 10) : `${y + 2}-03-01`;
}

/** The agreement's number: the case number and its sequence among the case's agreements. */
export function agreementNumber(caseNumber: string, sequence: number): string {
  return `${caseNumber}-X${sequence}`;
}

/** Arbitration goes as a collective application when ten or more workers claim together, through their representatives. */
export const collectiveArbitrationMinWorkers = 10;

/** Outcome codes of a closed case. */
export const closureOutcomes = ['resolved', 'partly_resolved', 'legal_route', 'not_supported', 'terminated'] as const;
export type ClosureOutcome = (typeof closureOutcomes)[number];

/** Why mediation ended without agreement: refused before it started (人民调解法 art. 17), ended by a party (art. 23), or failed (art. 26). */
export const terminationKinds = ['refused', 'ended_by_party', 'failed'] as const;
export type TerminationKind = (typeof terminationKinds)[number];

/** A petition's written reply: supported, explained, or not supported (信访工作条例). */
export const replyDecisions = ['supported', 'explained', 'not_supported'] as const;
export type ReplyDecision = (typeof replyDecisions)[number];

export const visitReasons = ['required', 'voluntary', 'session'] as const;
export type VisitReason = (typeof visitReasons)[number];
