import type { getFormatter } from 'next-intl/server';

/**
 * A calendar day of the center ('2026-11-27', a `date` column) as people read it. Taken at
 * noon in Shanghai, so no viewer's time zone moves it to the day before or after.
 */
export function formatLocalDay(format: Awaited<ReturnType<typeof getFormatter>>, day: string): string {
  return format.dateTime(new Date(`${day}T12:00:00+08:00`), { dateStyle: 'medium' });
}
