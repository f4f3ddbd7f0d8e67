import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { caseStatuses, channels } from '@/server/domain/case-status';
import { primaryButtonClass } from '../../_components/Field';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { Pager } from '../../_components/Pager';
import { requireUser } from '../../_lib/session';

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function IntakeQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { api } = await requireUser('clerk', 'director');
  const params = await searchParams;
  const query = {
    status: (one(params.status) ?? 'registered') as (typeof caseStatuses)[number],
    channel: one(params.channel) as (typeof channels)[number] | undefined,
    category: one(params.category),
    dueWithinDays: one(params.due) ? Number(one(params.due)) : undefined,
    search: one(params.q),
    sort: (one(params.sort) === 'newest' ? 'newest' : 'due') as 'due' | 'newest',
    page: Math.max(1, Number(one(params.page) ?? 1) || 1),
    pageSize: 20,
  };
  const [queue, t, format] = await Promise.all([api.intake.queue(query), getTranslations(), getFormatter()]);
  const pages = Math.max(1, Math.ceil(queue.total / query.pageSize));
  const pageHref = (page: number) => {
    const next = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (one(v) ? [[k, one(v)!]] : [])));
    next.set('page', String(page));
    return `/intake?${next.toString()}`;
  };
  const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-2 text-sm';

  return (
    <>
      <PageTitle
        action={
          <Link href="/intake/new" className={primaryButtonClass}>
            {t('intake.new')}
          </Link>
        }
      >
        {t('intake.title')}
      </PageTitle>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={t('intake.filters')}>
        <input
          name="q"
          defaultValue={query.search ?? ''}
          placeholder={t('intake.search')}
          aria-label={t('intake.search')}
          className="min-w-64 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <select name="status" defaultValue={query.status} aria-label={t('case.status')} className={selectClass}>
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select name="channel" defaultValue={query.channel ?? ''} aria-label={t('case.channel')} className={selectClass}>
          <option value="">{t('intake.allChannels')}</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
        <select name="due" defaultValue={one(params.due) ?? ''} aria-label={t('intake.dueWithin')} className={selectClass}>
          <option value="">{t('intake.dueAny')}</option>
          {[0, 3, 7].map((d) => (
            <option key={d} value={d}>
              {t('intake.dueWithinDays', { days: d })}
            </option>
          ))}
        </select>
        <select name="sort" defaultValue={query.sort} aria-label={t('intake.sortDue')} className={selectClass}>
          <option value="due">{t('intake.sortDue')}</option>
          <option value="newest">{t('intake.sortNewest')}</option>
        </select>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm text-white">
          {t('intake.apply')}
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-500">{t('intake.total', { total: queue.total })}</p>
      {queue.rows.length === 0 ? (
        <EmptyState>{t('intake.empty')}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('case.number')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('petition.title')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('intake.applicant')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('case.category')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('case.channel')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('intake.registeredAt')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('intake.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 hover:bg-slate-50">
                  <td className="px-4 py-2 font-mono text-xs">
                    <Link href={`/cases/${c.id}`} className="text-brand-700 underline">
                      {c.caseNumber}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    {c.title}
                    {c.duplicates > 0 && (
                      <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                        {t('duplicates.badge', { n: c.duplicates })}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    {c.applicant}
                    {c.applicantCount > 1 && <span className="ml-1 text-xs text-slate-500">{t('case.applicantCount', { n: c.applicantCount })}</span>}
                  </td>
                  <td className="px-4 py-2">{t.has(`category.${c.category}`) ? t(`category.${c.category}`) : c.category}</td>
                  <td className="px-4 py-2">{t(`channel.${c.channel}`)}</td>
                  <td className="px-4 py-2">{format.dateTime(c.registeredAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td className="px-4 py-2">
                    {c.status !== 'registered' ? (
                      t(`status.${c.status}`)
                    ) : (
                      <span className={c.daysLeft < 0 ? 'font-medium text-red-700' : c.daysLeft <= 3 ? 'font-medium text-amber-700' : ''}>
                        {c.daysLeft < 0 ? t('intake.overdue', { days: -c.daysLeft }) : t('intake.daysLeft', { days: c.daysLeft })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={query.page} pages={pages} href={pageHref} />
    </>
  );
}
