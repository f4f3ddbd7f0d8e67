import { getTranslations } from 'next-intl/server';

interface Badge {
  paused: boolean;
  daysLeft: number | null;
  urgency: 'ok' | 'soon' | 'overdue' | null;
}

const tone = {
  ok: 'bg-slate-100 text-slate-800',
  soon: 'bg-amber-100 text-amber-900',
  overdue: 'bg-red-100 text-red-800',
} as const;

/** Days left on a case's running clock, in the colours every list shares: ≤ 3 days yellow, overdue red. */
export async function ClockBadge({ clock }: { clock: Badge | null }) {
  if (!clock) return null;
  const t = await getTranslations();
  if (clock.paused || clock.daysLeft === null || !clock.urgency) {
    return <span className="inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t('clock.paused')}</span>;
  }
  const text = clock.daysLeft < 0 ? t('intake.overdue', { days: -clock.daysLeft }) : t('intake.daysLeft', { days: clock.daysLeft });
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${tone[clock.urgency]}`}>{text}</span>;
}
