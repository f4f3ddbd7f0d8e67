import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/server/auth/session-user';
import { breakdownLabel } from '@/server/domain/dashboard-tables';
import { answersFor } from '@/server/domain/warnings';
import type { CenterWarning } from '@/server/services/early-warnings';
import { AcknowledgeWarning } from './AcknowledgeWarning';
import { DisposeWarning } from './DisposeWarning';

type ListedWarning = Omit<CenterWarning, 'caseIds'>;

/**
 * Early warnings with their owner, acknowledgement and disposition. The buttons are offered to
 * whoever answers for a warning (its owner or a director); the server checks again.
 */
export async function WarningList({ warnings, user }: { warnings: ListedWarning[]; user: Pick<SessionUser, 'id' | 'role'> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  if (warnings.length === 0) return <p className="text-sm text-slate-600">{t('dashboard.warningsNone')}</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label={t('dashboard.warnings')}>
      {warnings.map((w) => {
        const label = `${t(`dashboard.rule.${w.rule}`)} ${w.subject}`;
        const answers = answersFor(user, w);
        return (
          <li key={`${w.ref}-${w.level}`} className={`rounded-lg border bg-white p-3 ${w.level === 'red' ? 'border-red-300' : 'border-amber-300'}`}>
            <p className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${w.level === 'red' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-800'}`}>{t(`dashboard.${w.level}`)}</span>
              <span className="font-medium">{t(`dashboard.rule.${w.rule}`)}</span>
              {w.subject && <span className="text-slate-700">{w.subject}</span>}
              {w.clock && (
                <span className="text-slate-700">
                  {t(w.clock.daysLeft < 0 ? 'warnings.clockOverdue' : 'warnings.clockDaysLeft', { kind: t(`clock.kind.${w.clock.kind}`), days: Math.abs(w.clock.daysLeft) })}
                </span>
              )}
              {w.spike && (
                <span className="text-slate-700">
                  {t('warnings.spikeDetail', { category: breakdownLabel(t, 'category', w.spike.category), recent: w.spike.recent, baseline: w.spike.baseline })}
                </span>
              )}
              {w.people > 0 && <span className="text-slate-500">{t('dashboard.peopleCount', { count: w.people })}</span>}
            </p>
            <p className="mt-1 text-slate-600">{t('warnings.ownerLabel', { name: w.owner?.name ?? t('warnings.ownerDirectors') })}</p>
            {w.rule === 'escalation' && <p className="mt-1 text-red-800">{t('dashboard.escalationDuty')}</p>}
            {w.acknowledgement ? (
              <p className="mt-1 text-slate-600">{t('warnings.acknowledgedBy', { name: w.acknowledgement.byName ?? '—', date: date(w.acknowledgement.at) })}</p>
            ) : (
              answers && <AcknowledgeWarning warningRef={w.ref} level={w.level} label={label} />
            )}
            {w.disposition ? (
              <p className="mt-1 border-l-2 border-brand-600 pl-2 text-slate-700">
                <span className="text-slate-500">{t('dashboard.disposedBy', { name: w.disposition.byName ?? '—', date: date(w.disposition.at) })}</span> {w.disposition.text}
              </p>
            ) : (
              answers && <DisposeWarning warningRef={w.ref} label={label} />
            )}
            <p className="mt-1 flex flex-wrap gap-x-3">
              {w.cases.map((c) => (
                <Link key={c.id} href={`/cases/${c.id}`} className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 underline" title={c.title}>
                  {c.caseNumber}
                </Link>
              ))}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
