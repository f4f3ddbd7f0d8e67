import { describe, expect, it } from 'vitest';
import { WorkCalendar, type CalendarDay } from '../../server/domain/calendar';
import { checkExtension, computeDue, daysLeft, thresholdAt, urgencyOf } from '../../server/domain/clocks';
import { explainClock } from '../../server/domain/clock-explain';
import { translator } from '../../server/i18n/translate';

/** The 2025 notice's National Day block and its adjusted workdays, and 2026's New Year. */
const fixture: CalendarDay[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'holiday' as const, name: '国庆节、中秋节', provisional: false })),
  { date: '2025-09-28', kind: 'workday', name: '国庆节调休上班', provisional: false },
  { date: '2025-10-11', kind: 'workday', name: '国庆节调休上班', provisional: false },
  ...['01', '02', '03'].map((d) => ({ date: `2026-01-${d}`, kind: 'holiday' as const, name: '元旦', provisional: false })),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班', provisional: false },
];
const calendar = new WorkCalendar(fixture);
const beijing = (local: string) => new Date(`${local}+08:00`);
const due = (start: string, days: number, unit: 'calendar' | 'working' = 'calendar', extra: Partial<Parameters<typeof computeDue>[0]> = {}) =>
  computeDue({ start: beijing(start), days, unit, extensions: [], pauses: [], ...extra }, calendar);

describe('legal clocks (民法典 arts. 200–204, the official calendar)', () => {
  it('rolls a 15-day clock received 2025-09-16 over National Day to 2025-10-09 24:00', () => {
    const { dueAt, steps } = due('2025-09-16T10:00:00', 15);
    expect(dueAt!.toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(steps).toContainEqual({ kind: 'lastDay', date: '2025-10-01' });
    expect(steps).toContainEqual({ kind: 'rolled', date: '2025-10-01', holiday: '国庆节、中秋节', to: '2025-10-09' });
  });

  it('counts an adjusted Sunday workday: 3 working days from Friday 2025-09-26 end on 2025-09-30', () => {
    expect(due('2025-09-26T09:00:00', 3, 'working').dueAt!.toISOString()).toBe('2025-09-30T15:59:59.999Z');
  });

  it('does not count the start day, whatever its hour, and ends at 24:00 Beijing time', () => {
    // 2025-03-01 23:30 Beijing and 00:10 the next day start on different days.
    expect(due('2025-03-01T23:30:00', 10).dueAt!.toISOString()).toBe('2025-03-11T15:59:59.999Z');
    expect(due('2025-03-02T00:10:00', 10).dueAt!.toISOString()).toBe('2025-03-12T15:59:59.999Z');
  });

  it('moves a last day on an ordinary weekend to Monday, but not one on an adjusted workday', () => {
    // 2025-03-08 is a Saturday.
    expect(due('2025-03-01T10:00:00', 7).dueAt!.toISOString()).toBe('2025-03-10T15:59:59.999Z');
    expect(due('2025-03-01T10:00:00', 7).steps).toContainEqual({ kind: 'rolled', date: '2025-03-08', holiday: null, to: '2025-03-10' });
    // 2025-10-11 is a Saturday made a workday.
    expect(due('2025-10-01T10:00:00', 10).dueAt!.toISOString()).toBe('2025-10-11T15:59:59.999Z');
  });

  it('crosses month and year ends', () => {
    expect(due('2025-01-31T10:00:00', 30).dueAt!.toISOString()).toBe('2025-03-03T15:59:59.999Z');
    // 2025-12-31 + 1 → 2026-01-01 (元旦) → the 4th, an adjusted workday.
    expect(due('2025-12-31T10:00:00', 1).dueAt!.toISOString()).toBe('2026-01-04T15:59:59.999Z');
  });

  it('warns when a year of the calendar is missing or only provisional', () => {
    expect(due('2027-03-01T10:00:00', 15).steps).toContainEqual({ kind: 'calendarMissing', year: 2027, provisional: false });
    const provisional = new WorkCalendar([{ date: '2027-10-01', kind: 'holiday', name: '国庆节', provisional: true }]);
    expect(computeDue({ start: beijing('2027-09-20T10:00:00'), days: 11, unit: 'calendar', extensions: [], pauses: [] }, provisional).steps).toContainEqual({
      kind: 'calendarMissing',
      year: 2027,
      provisional: true,
    });
    expect(due('2025-09-16T10:00:00', 15).steps.some((s) => s.kind === 'calendarMissing')).toBe(false);
  });

  it('adds extensions, adds the days a clock was paused, and has no due date while paused', () => {
    const extended = due('2025-03-03T10:00:00', 60, 'calendar', { extensions: [{ days: 30 }] });
    expect(extended.dueAt!.toISOString()).toBe(due('2025-03-03T10:00:00', 90).dueAt!.toISOString());
    const paused = due('2025-03-03T10:00:00', 30, 'calendar', { pauses: [{ from: beijing('2025-03-10T09:00:00'), to: beijing('2025-03-20T16:00:00'), reason: 'appraisal' }] });
    expect(paused.dueAt!.toISOString()).toBe(due('2025-03-03T10:00:00', 40).dueAt!.toISOString());
    expect(paused.steps).toContainEqual({ kind: 'pause', from: '2025-03-10', to: '2025-03-20', days: 10, unit: 'calendar', reason: 'appraisal' });
    const ongoing = due('2025-03-03T10:00:00', 30, 'calendar', { pauses: [{ from: beijing('2025-03-10T09:00:00'), to: null, reason: 'hearing' }] });
    expect(ongoing.dueAt).toBeNull();
  });

  it('explains itself in Chinese and English, citing the article', () => {
    const { steps } = due('2025-09-16T10:00:00', 15);
    const zh = explainClock(steps, 'law.petitionAcceptance', translator('zh-CN'), (d) => d);
    expect(zh).toEqual([
      '起算日 2025-09-16（当日不计入）',
      '自次日起计 15 日（《信访工作条例》第二十二条）',
      '期间最后一日为 2025-10-01',
      '该日为法定节假日（国庆节、中秋节），顺延至其后第一个工作日 2025-10-09（《民法典》第二百零三条）',
      '截止 2025-10-09 24:00',
    ]);
    const en = explainClock(steps, 'law.petitionAcceptance', translator('en'), (d) => d);
    expect(en[1]).toBe('15 days from the next day (Regulations on Letters and Visits, art. 22)');
  });

  it('counts days left, colours them, and names the reminder due now', () => {
    const { dueAt } = due('2025-09-16T10:00:00', 15);
    expect(daysLeft(dueAt!, beijing('2025-10-06T08:00:00'))).toBe(3);
    expect(urgencyOf(dueAt!, beijing('2025-10-05T08:00:00'))).toBe('ok');
    expect(urgencyOf(dueAt!, beijing('2025-10-06T08:00:00'))).toBe('soon');
    expect(urgencyOf(dueAt!, beijing('2025-10-10T00:00:01'))).toBe('overdue');
    expect(thresholdAt(dueAt!, beijing('2025-10-05T23:00:00'))).toBeNull();
    expect(thresholdAt(dueAt!, beijing('2025-10-06T08:00:00'))).toBe('three_days');
    expect(thresholdAt(dueAt!, beijing('2025-10-09T23:59:00'))).toBe('due_today');
    expect(thresholdAt(dueAt!, beijing('2025-10-10T00:00:01'))).toBe('overdue');
  });
});

describe('extensions', () => {
  const running = { state: 'running', dueAt: beijing('2025-05-01T23:59:59'), extensions: 0 };
  const once = { kind: 'director_once', maxDays: 30 } as const;
  const before = beijing('2025-04-20T10:00:00');

  it('extends a petition once, by at most 30 days, before it falls due', () => {
    expect(checkExtension(once, running, { days: 30, consentParties: 0 }, before)).toBeNull();
    expect(checkExtension(once, running, { days: 31, consentParties: 0 }, before)).toBe('clock.extensionTooLong');
    expect(checkExtension(once, { ...running, extensions: 1 }, { days: 10, consentParties: 0 }, before)).toBe('clock.extendedAlready');
    expect(checkExtension(once, running, { days: 10, consentParties: 0 }, beijing('2025-05-02T00:00:01'))).toBe('clock.extensionAfterDue');
  });

  it('extends a mediation only with the parties’ consent, and never a clock that is not running', () => {
    const consent = { kind: 'parties_consent' } as const;
    expect(checkExtension(consent, running, { days: 60, consentParties: 2 }, before)).toBeNull();
    expect(checkExtension(consent, running, { days: 60, consentParties: 0 }, before)).toBe('clock.consentRequired');
    expect(checkExtension({ kind: 'none' }, running, { days: 1, consentParties: 1 }, before)).toBe('clock.cannotExtend');
    expect(checkExtension(consent, { ...running, state: 'paused', dueAt: null }, { days: 1, consentParties: 1 }, before)).toBe('clock.notRunning');
  });
});
