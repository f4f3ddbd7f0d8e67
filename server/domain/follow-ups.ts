import { addDays, daysBetween, type LocalDate } from './calendar';

/**
 * Follow-up visits (回访) after a dispute is settled: before each term falls due (to head off a
 * default), after the last one (was it honoured?), and a while after closure (did the dispute
 * come back?). Defaults below; a center may set its own numbers of days.
 */
export const followUpReasons = ['before_term', 'after_last_term', 'after_closure'] as const;
export type FollowUpReason = (typeof followUpReasons)[number];

export const followUpDefaults: Record<FollowUpReason, number> = { before_term: 3, after_last_term: 7, after_closure: 30 };

export const followUpMethods = ['phone', 'visit', 'video', 'sms'] as const;
export type FollowUpMethod = (typeof followUpMethods)[number];

export const honouredAnswers = ['yes', 'partly', 'no'] as const;
export type Honoured = (typeof honouredAnswers)[number];

export interface PlannedFollowUp {
  reason: FollowUpReason;
  dueOn: LocalDate;
}

/**
 * The visits an effective agreement calls for: one before each distinct due date, one after
 * the last. A visit that would fall today or earlier is set for tomorrow (there is still time to call).
 */
export function followUpsForTerms(dueDates: readonly LocalDate[], today: LocalDate, days: Record<FollowUpReason, number> = followUpDefaults): PlannedFollowUp[] {
  const distinct = [...new Set(dueDates)].sort();
  if (distinct.length === 0) return [];
  const notBefore = (d: LocalDate) => (daysBetween(today, d) >= 1 ? d : addDays(today, 1));
  return [
    ...distinct.map((due) => ({ reason: 'before_term' as const, dueOn: notBefore(addDays(due, -days.before_term)) })),
    { reason: 'after_last_term' as const, dueOn: notBefore(addDays(distinct.at(-1)!, days.after_last_term)) },
  ].filter((v, i, all) => all.findIndex((w) => w.reason === v.reason && w.dueOn === v.dueOn) === i);
}

export function followUpAfterClosure(closedOn: LocalDate, days: Record<FollowUpReason, number> = followUpDefaults): PlannedFollowUp {
  return { reason: 'after_closure', dueOn: addDays(closedOn, days.after_closure) };
}
