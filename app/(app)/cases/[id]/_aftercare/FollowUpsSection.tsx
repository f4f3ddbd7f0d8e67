import { getFormatter, getTranslations } from 'next-intl/server';
import { FollowUpRecorder } from './FollowUpRecorder';
import { ReopenCase } from './ReopenCase';
import type { FollowUpView } from './types';
import { formatLocalDay } from '../../../../_lib/local-day';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/** The case's follow-up visits: planned ones with their dates (overdue in red), made ones with what was found. */
export async function FollowUpsSection({
  caseId,
  version,
  visits,
  parties,
  canRecord,
  canReopen,
  today,
}: {
  caseId: string;
  version: number;
  visits: FollowUpView[];
  parties: { id: string; name: string }[];
  canRecord: boolean;
  canReopen: boolean;
  today: string;
}) {
  if (visits.length === 0 && !canReopen) return null;
  const [t, tRating, format] = await Promise.all([getTranslations('followUp'), getTranslations('rating'), getFormatter()]);
  const day = (d: string) => formatLocalDay(format, d);
  return (
    <section className={card} aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title" className="mb-2 font-medium">
        {t('title')}
      </h2>
      {visits.length === 0 && <p className="text-sm text-slate-500">{t('empty')}</p>}
      <ul className="flex flex-col gap-2 text-sm">
        {visits.map((v) => {
          const overdue = !v.doneAt && v.dueOn < today;
          return (
            <li key={v.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-100 pt-2 first:border-0 first:pt-0">
              <span className="font-medium">{t(`reason.${v.reason}`)}</span>
              {v.doneAt ? (
                <span className="text-slate-600">{t('done', { date: format.dateTime(v.doneAt, { dateStyle: 'medium' }) })}</span>
              ) : (
                <span className={overdue ? 'font-medium text-red-800' : 'text-slate-600'}>
                  {t('due', { date: day(v.dueOn) })}
                  {overdue && ` · ${t('overdue')}`}
                </span>
              )}
              {v.doneAt && (
                <span className="basis-full text-slate-700">
                  {[
                    v.reachedName,
                    v.method && t(`method.${v.method}`),
                    v.honoured && t(`honoured.${v.honoured}`),
                    v.satisfaction && tRating(`level.${v.satisfaction}`),
                    v.newDispute && t('newDisputeYes'),
                    v.measures,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              )}
              {!v.doneAt && canRecord && <FollowUpRecorder caseId={caseId} visitId={v.id} parties={parties} />}
            </li>
          );
        })}
      </ul>
      {canReopen && (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <ReopenCase caseId={caseId} version={version} />
          <span className="text-xs text-slate-600">{t('reopenHint')}</span>
        </div>
      )}
    </section>
  );
}
