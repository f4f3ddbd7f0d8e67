import { TZDate, tzOffset } from '@date-fns/tz';
import { centerTimeZone } from './case-number';

/**
 * Calendar days in Asia/Shanghai, as `YYYY-MM-DD` strings: legal clocks count whole days
 * where the center is, whatever the server's time zone.
 */
export type LocalDate = string;

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: LocalDate): [number, number, number] {
  const m = pattern.exec(date);
  if (!m) throw new Error(`not a local date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

// Asking Intl for the zone's offset is the slow part of every day count (a dashboard counts
// days for thousands of clocks); offsets change only on whole minutes, so each minute's is
// remembered.
const offsets = new Map<number, number>();

function offsetMs(instant: number): number {
  const minute = Math.floor(instant / 60_000);
  let offset = offsets.get(minute);
  if (offset === undefined) {
    if (offsets.size >= 100_000) offsets.clear();
    offset = tzOffset(centerTimeZone, new Date(instant)) * 60_000;
    offsets.set(minute, offset);
  }
  return offset;
}

/** The local calendar day of an instant as a whole number (days since 1970-01-01). */
export function localDayNumber(instant: Date): number {
  const t = instant.getTime();
  return Math.floor((t + offsetMs(t)) / 86_400_000);
}

export function localDateOf(instant: Date): LocalDate {
  return fromUtc(new Date(localDayNumber(instant) * 86_400_000));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return parts(date)[0];
}

/** The last instant of a local day: a clock "ends at 24:00" of its last day. */
export function endOfLocalDay(date: LocalDate): Date {
  const [y, m, d] = parts(date);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, centerTimeZone).getTime());
}

export function startOfLocalDay(date: LocalDate): Date {
  const [y, m, d] = parts(date);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, centerTimeZone).getTime());
}

export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** One row of the official calendar: a statutory holiday, or a weekend day made a workday (调休). */
export interface CalendarDay {
  date: LocalDate;
  kind: CalendarDayKind;
  name: string | null;
  /** Taken from the law's fixed holidays before the State Council's notice for the year is entered. */
  provisional: boolean;
}

export type YearCoverage = 'confirmed' | 'provisional' | 'missing';

/**
 * The official calendar: a day is a workday when the table says so (调休), a rest day when the
 * table names a holiday, and otherwise Monday to Friday. Weekends are rest days
 * (法定休假日 in the sense of 民法典 art. 203 includes the weekly rest days).
 */
export class WorkCalendar {
  private readonly days = new Map<LocalDate, CalendarDay>();
  private readonly years = new Map<number, YearCoverage>();

  constructor(rows: readonly CalendarDay[]) {
    for (const row of rows) {
      this.days.set(row.date, row);
      const year = yearOf(row.date);
      if (!row.provisional) this.years.set(year, 'confirmed');
      else if (this.years.get(year) !== 'confirmed') this.years.set(year, 'provisional');
    }
  }

  isWorkday(date: LocalDate): boolean {
    const row = this.days.get(date);
    if (row) return row.kind === 'workday';
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /** The holiday's name, or null for an ordinary weekend day or a workday. */
  holidayName(date: LocalDate): string | null {
    const row = this.days.get(date);
    return row?.kind === 'holiday' ? row.name : null;
  }

  coverage(year: number): YearCoverage {
    return this.years.get(year) ?? 'missing';
  }

  /** The date itself when it is a workday, else the first workday after it. */
  firstWorkdayFrom(date: LocalDate): LocalDate {
    let d = date;
    // Chinese holiday blocks are at most nine days; a month bounds any data error.
    for (let i = 0; i < 31 && !this.isWorkday(d); i++) d = addDays(d, 1);
    return d;
  }

  /** The workday that is the `n`th after `date` (the start day itself is not counted). */
  addWorkdays(date: LocalDate, n: number): LocalDate {
    let d = date;
    let counted = 0;
    while (counted < n) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) counted++;
    }
    return d;
  }

  /** Workdays in (from, to]. */
  workdaysBetween(from: LocalDate, to: LocalDate): number {
    let n = 0;
    for (let d = addDays(from, 1); daysBetween(d, to) >= 0; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}
