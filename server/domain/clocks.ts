import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays } from 'date-fns';
import { centerTimeZone } from './case-number';

/** Statutory defaults (DESIGN.md, legal clocks); centers will be able to override them. */
export const defaultClockDays = {
  acceptance: 15,
  handling: 60,
} as const;

/**
 * A clock of N calendar days ends at the end of the Nth day after the start, counted in
 * Asia/Shanghai: registered on 1 March at any hour → the acceptance decision is due by the
 * end of 16 March.
 */
export function resolveDueAt(start: Date, days: number): Date {
  const local = new TZDate(start, centerTimeZone);
  const lastDay = addDays(local, days);
  const end = new TZDate(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate(), 23, 59, 59, 999, centerTimeZone);
  return new Date(end.getTime());
}

/** Whole calendar days from today until the due day (0 = due today, negative = overdue). */
export function daysLeft(dueAt: Date, now: Date): number {
  return differenceInCalendarDays(new TZDate(dueAt, centerTimeZone), new TZDate(now, centerTimeZone));
}

/**
 * The latest start for which a clock of `clockDays` has at most `days` left today: cases
 * registered at or before this instant are due within `days` days.
 */
export function latestStartWithDaysLeft(now: Date, days: number, clockDays: number): Date {
  const local = new TZDate(now, centerTimeZone);
  const startDay = addDays(local, days - clockDays);
  const end = new TZDate(startDay.getFullYear(), startDay.getMonth(), startDay.getDate(), 23, 59, 59, 999, centerTimeZone);
  return new Date(end.getTime());
}
