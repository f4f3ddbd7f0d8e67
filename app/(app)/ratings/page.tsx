import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';

/**
 * The director's bad ratings to answer (overdue steps first, who rated shown to them alone),
 * or the supervisor's appeals to decide; each links to its case, where the steps are taken.
 */
export default async function RatingsPage() {
  const { api, user } = await requireUser('director', 'supervisor');
  const [items, t, format] = await Promise.all([api.rating.rectifications(), getTranslations('rating'), getFormatter()]);
  const director = user.role === 'director';
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageTitle>{director ? t('listTitle') : t('appealsTitle')}</PageTitle>
      {items.filter((i) => !i.done).length === 0 && <EmptyState>{director ? t('listEmpty') : t('appealsEmpty')}</EmptyState>}
      <ul className="mt-4 flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.ratingId} className={`rounded-xl border bg-white p-4 shadow-sm ${item.overdue ? 'border-red-400' : 'border-slate-200'} ${item.done ? 'opacity-70' : ''}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/cases/${item.caseId}`} className="font-mono text-brand-700 underline" aria-label={`${t('open')} ${item.caseNumber}`}>
                {item.caseNumber}
              </Link>
              <span className={`rounded px-2 py-0.5 text-xs ${item.done ? 'bg-slate-100' : 'bg-amber-100 text-amber-900'}`}>{t(`state.${item.state}`)}</span>
            </div>
            <p className="mt-1 text-sm">
              <span className="font-medium">{t(`level.${item.level}`)}</span>
              <span className="ml-2 text-slate-500">{date(item.ratedAt)}</span>
              {!director && <span className="ml-2 text-slate-500">{item.centerName}</span>}
              {item.rater && <span className="ml-2 text-slate-700">{item.rater}</span>}
            </p>
            {item.comment && <p className="mt-1 text-sm text-slate-700">{item.comment}</p>}
            {item.nextDue && (
              <p className={`mt-1 text-sm ${item.overdue ? 'font-medium text-red-800' : 'text-slate-600'}`}>
                {t('nextDue', { step: t(item.nextDue.kind === 'rating_callback' ? 'callBack' : 'report'), date: date(item.nextDue.dueAt) })}
                {item.overdue && ` · ${t('overdue')}`}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
