import { getFormatter, getTranslations } from 'next-intl/server';
import type { ClockKind } from '@/server/domain/tracks';
import { ClockBadge } from '../../../_components/ClockBadge';

interface ClockView {
  id: string;
  kind: ClockKind;
  state: string;
  dueAt: Date | null;
  daysLeft: number | null;
  urgency: 'ok' | 'soon' | 'overdue' | null;
  explanation: string[];
}

/** The case's running legal clocks, each due date with how it was computed (a tap opens the steps). */
export async function Clocks({ clocks }: { clocks: ClockView[] }) {
  if (clocks.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <ul className="mt-3 flex flex-col gap-2" aria-label={t('case.clock.title')}>
      {clocks.map((c) => (
        <li key={c.id} className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">{t(`case.clock.${c.kind}`)}</span>
            {c.dueAt && <time dateTime={c.dueAt.toISOString()}>{t('case.clock.dueBy', { date: format.dateTime(c.dueAt, { dateStyle: 'long' }) })}</time>}
            <ClockBadge clock={{ paused: c.state === 'paused', daysLeft: c.daysLeft, urgency: c.urgency }} />
          </div>
          <details className="mt-1">
            <summary className="cursor-pointer py-1 text-brand-700">{t('clock.explain')}</summary>
            <ol className="mt-1 list-decimal pl-5 text-slate-700">
              {c.explanation.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          </details>
        </li>
      ))}
    </ul>
  );
}
