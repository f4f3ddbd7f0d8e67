import { getFormatter, getTranslations } from 'next-intl/server';
import { localDateOf } from '@/server/domain/calendar';
import { RouteDocuments } from './RouteDocuments';
import { TermActions } from './TermActions';
import type { PerformanceView } from './types';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';
const statusLook: Record<string, string> = {
  paid: 'bg-emerald-100 text-emerald-900',
  performed: 'bg-emerald-100 text-emerald-900',
  partly_paid: 'bg-amber-100 text-amber-900',
  due: 'bg-slate-100 text-slate-800',
  missed: 'bg-red-100 text-red-900',
};

/** Performance of the effective agreement, term by term and worker by worker: paid, owed, missed. */
export async function PerformanceSection({
  caseId,
  performance,
  canRecord,
  canRoute,
  court,
  labor,
  ownPartyIds,
}: {
  caseId: string;
  performance: PerformanceView;
  canRecord: boolean;
  canRoute: boolean;
  court: string;
  labor: boolean;
  ownPartyIds: string[];
}) {
  const [t, format] = await Promise.all([getTranslations('performance'), getFormatter()]);
  if (performance.terms.length === 0) return null;
  const money = (v: string | null) => (v === null ? '' : `¥${format.number(Number(v), { minimumFractionDigits: 2 })}`);
  const today = localDateOf(new Date());
  // A party sees the terms owed to them or by them; the panel sees every term.
  const terms = ownPartyIds.length ? performance.terms.filter((r) => ownPartyIds.includes(r.obligeePartyId ?? '') || ownPartyIds.includes(r.obligorPartyId)) : performance.terms;
  return (
    <section className={card} aria-labelledby="performance-title">
      <h2 id="performance-title" className="mb-1 font-medium">
        {t('title')}
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {t('summary', { paid: money(performance.paid), owed: money(performance.owed) })}
        {performance.missed > 0 && <span className="ml-2 font-medium text-red-800">{t('missedCount', { n: performance.missed })}</span>}
      </p>
      <ul className="flex flex-col divide-y divide-slate-100 text-sm">
        {terms.map((term) => {
          const label = term.obligeeName ? `${term.obligeeName}：${term.description}` : term.description;
          return (
            <li key={term.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="min-w-0 flex-1 basis-48">{label}</span>
              {term.kind === 'payment' && (
                <span className="tabular-nums text-slate-700">
                  {money(term.paid)} / {money(term.amount)}
                </span>
              )}
              <span className="text-slate-500">{term.dueOn && t('due', { date: term.dueOn })}</span>
              <span className={`rounded px-1.5 text-xs ${statusLook[term.status]}`}>{t(`status.${term.status}`)}</span>
              {canRecord && term.status !== 'paid' && term.status !== 'performed' && <TermActions caseId={caseId} term={{ id: term.id, kind: term.kind, outstanding: term.outstanding, label }} today={today} />}
            </li>
          );
        })}
      </ul>
      {canRoute && performance.missed > 0 && (
        <div className="mt-3 flex flex-col gap-2 rounded-md bg-red-50 p-3">
          <p className="text-sm text-red-900">{t('routesHint')}</p>
          <RouteDocuments caseId={caseId} court={court} labor={labor} />
        </div>
      )}
      {performance.allPerformed && <p className="mt-3 text-sm text-emerald-800">{t('allPerformed')}</p>}
    </section>
  );
}
