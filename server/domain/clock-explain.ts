import type { Translate } from '../i18n/translate';
import type { LocalDate } from './calendar';
import type { ClockStep } from './clocks';

/**
 * How a due date was computed, one sentence a step, in the reader's language:
 * received 9月16日 → 15 days → 10月1日 is a holiday → due 10月9日 24:00, citing the article.
 * `source` is the catalog key of the clock's legal basis (null for an ad-hoc preview).
 */
export function explainClock(steps: ClockStep[], source: string | null, t: Translate, date: (d: LocalDate) => string): string[] {
  return steps.map((step) => {
    switch (step.kind) {
      case 'start':
        return t('clock.step.start', { date: date(step.date) });
      case 'count':
        return source
          ? t('clock.step.countWithSource', { days: step.days, unit: step.unit, source: t(source) })
          : t('clock.step.count', { days: step.days, unit: step.unit });
      case 'extension':
        return t('clock.step.extension', { days: step.days, unit: step.unit });
      case 'pause':
        return t('clock.step.pause', { from: date(step.from), to: date(step.to), days: step.days, unit: step.unit, reason: t(`clock.pauseReason.${step.reason}`) });
      case 'paused':
        return t('clock.step.paused', { from: date(step.from), reason: t(`clock.pauseReason.${step.reason}`) });
      case 'lastDay':
        return t('clock.step.lastDay', { date: date(step.date) });
      case 'rolled':
        return step.holiday
          ? t('clock.step.rolledHoliday', { date: date(step.date), holiday: step.holiday, to: date(step.to) })
          : t('clock.step.rolledWeekend', { date: date(step.date), to: date(step.to) });
      case 'due':
        return t('clock.step.due', { date: date(step.date) });
      case 'calendarMissing':
        return t(step.provisional ? 'clock.step.calendarProvisional' : 'clock.step.calendarMissing', { year: step.year });
    }
  });
}
