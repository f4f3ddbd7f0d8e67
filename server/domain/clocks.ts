import { addDays, daysBetween, endOfLocalDay, localDateOf, localDayNumber, yearOf, type LocalDate, type WorkCalendar } from './calendar';
import type { ClockUnit, ExtensionRule } from './tracks';

/**
 * Legal clocks (民法典 arts. 200–204): the start day is not counted; the last day ends at
 * 24:00 Asia/Shanghai; a last day that is a rest day (a statutory holiday, or a weekend day
 * that is not an adjusted workday) moves to the first workday after it (art. 203).
 * Working-day clocks count the official calendar, 调休 weekend workdays included.
 * A due date is a function of the start and the recorded extensions and pauses, and says
 * how it was computed.
 */

export interface ClockPause {
  from: Date;
  /** Null while the clock is still paused. */
  to: Date | null;
  reason: string;
}

export interface ClockSpec {
  start: Date;
  days: number;
  unit: ClockUnit;
  extensions: { days: number }[];
  pauses: ClockPause[];
}

export type ClockStep =
  | { kind: 'start'; date: LocalDate }
  | { kind: 'count'; days: number; unit: ClockUnit }
  | { kind: 'extension'; days: number; unit: ClockUnit }
  | { kind: 'pause'; from: LocalDate; to: LocalDate; days: number; unit: ClockUnit; reason: string }
  | { kind: 'paused'; from: LocalDate; reason: string }
  | { kind: 'lastDay'; date: LocalDate }
  | { kind: 'rolled'; date: LocalDate; holiday: string | null; to: LocalDate }
  | { kind: 'due'; date: LocalDate }
  | { kind: 'calendarMissing'; year: number; provisional: boolean };

export interface ComputedDue {
  /** Null while the clock is paused: it is not running towards any date. */
  dueAt: Date | null;
  steps: ClockStep[];
}

export function computeDue(spec: ClockSpec, calendar: WorkCalendar): ComputedDue {
  const start = localDateOf(spec.start);
  const steps: ClockStep[] = [
    { kind: 'start', date: start },
    { kind: 'count', days: spec.days, unit: spec.unit },
  ];
  let total = spec.days;
  for (const e of spec.extensions) {
    steps.push({ kind: 'extension', days: e.days, unit: spec.unit });
    total += e.days;
  }
  for (const p of spec.pauses) {
    const from = localDateOf(p.from);
    if (!p.to) {
      steps.push({ kind: 'paused', from, reason: p.reason });
      return { dueAt: null, steps };
    }
    const to = localDateOf(p.to);
    const days = spec.unit === 'working' ? calendar.workdaysBetween(from, to) : Math.max(0, daysBetween(from, to));
    steps.push({ kind: 'pause', from, to, days, unit: spec.unit, reason: p.reason });
    total += days;
  }

  let last: LocalDate;
  if (spec.unit === 'working') {
    last = calendar.addWorkdays(start, total);
  } else {
    const counted = addDays(start, total);
    steps.push({ kind: 'lastDay', date: counted });
    last = calendar.firstWorkdayFrom(counted);
    if (last !== counted) steps.push({ kind: 'rolled', date: counted, holiday: calendar.holidayName(counted), to: last });
  }
  for (const year of new Set([yearOf(start), yearOf(last)])) {
    const coverage = calendar.coverage(year);
    if (coverage !== 'confirmed') steps.push({ kind: 'calendarMissing', year, provisional: coverage === 'provisional' });
  }
  steps.push({ kind: 'due', date: last });
  return { dueAt: endOfLocalDay(last), steps };
}

/** Whole calendar days from today until the due day (0 = due today, negative = overdue). */
export function daysLeft(dueAt: Date, now: Date): number {
  return localDayNumber(dueAt) - localDayNumber(now);
}

/** How urgent a clock is, for the colours of every list: ≤ 3 days yellow, overdue red. */
export type Urgency = 'ok' | 'soon' | 'overdue';

export function urgencyOf(dueAt: Date, now: Date): Urgency {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return daysLeft(dueAt, now) <= 3 ? 'soon' : 'ok';
}

/** The reminders a sweep sends for a clock: three days before, on the due day, and once overdue. */
export type ClockThreshold = 'three_days' | 'due_today' | 'overdue';

/** The one threshold a clock stands at now (lower ones are passed over: a late sweep sends only what still helps). */
export function thresholdAt(dueAt: Date, now: Date): ClockThreshold | null {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  const left = daysLeft(dueAt, now);
  if (left === 0) return 'due_today';
  if (left <= 3) return 'three_days';
  return null;
}

export type ExtensionRefusal = 'clock.cannotExtend' | 'clock.extendedAlready' | 'clock.extensionTooLong' | 'clock.extensionAfterDue' | 'clock.consentRequired' | 'clock.notRunning';

/**
 * Whether a clock may be extended now. A petition's handling clock: once, by at most 30
 * days, before it falls due (信访工作条例). A mediation clock: with the parties' recorded
 * consent. Anything else: not at all.
 */
export function checkExtension(
  rule: ExtensionRule,
  clock: { state: string; dueAt: Date | null; extensions: number },
  request: { days: number; consentParties: number },
  now: Date,
): ExtensionRefusal | null {
  if (clock.state !== 'running' || !clock.dueAt) return 'clock.notRunning';
  switch (rule.kind) {
    case 'none':
      return 'clock.cannotExtend';
    case 'director_once':
      if (clock.extensions >= 1) return 'clock.extendedAlready';
      if (request.days > rule.maxDays) return 'clock.extensionTooLong';
      if (now.getTime() > clock.dueAt.getTime()) return 'clock.extensionAfterDue';
      return null;
    case 'parties_consent':
      return request.consentParties > 0 ? null : 'clock.consentRequired';
  }
}
