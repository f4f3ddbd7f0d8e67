import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { caseStatuses, channels } from '@/server/domain/case-status';
import { listPageSize } from '@/server/services/paging';
import { ClockBadge } from '../../_components/ClockBadge';
import { primaryButtonClass } from '../../_components/Field';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { Pager } from '../../_components/Pager';
import { requireUser } from '../../_lib/session';
import { applyQueueFilters } from './actions';
import { parseQueueFilters, parseSearch, queueHref, searchCookie } from './queue-query';

type Search = Record<string, string | string[] | undefined>;

export default async function IntakeQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { api } = await requireUser('clerk', 'director');
  const filters = parseQueueFilters(await searchParams);
  const search = parseSearch((await cookies()).get(searchCookie)?.value);
  const query = { ...filters, search, pageSize: listPageSize };
  const [queue, t, format] = await Promise.all([api.intake.queue(query), getTranslations(), getFormatter()]);
  const pageHref = (page: number) => queueHref({ ...filters, page });
  // An address past the last page (cases were decided meanwhile) shows the last page.
  if (query.page > queue.pages) redirect(pageHref(queue.pages));
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
      <form action={applyQueueFilters} className="mb-4 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={t('intake.filters')}>
        {filters.category && <input type="hidden" name="category" value={filters.category} />}
        <input
          name="q"
          defaultValue={search ?? ''}
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
        <select name="due" defaultValue={filters.dueWithinDays ?? ''} aria-label={t('intake.dueWithin')} className={selectClass}>
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
                  <td className="px-4 py-2">{c.clock ? <ClockBadge clock={c.clock} /> : t(`status.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={queue.page} pages={queue.pages} href={pageHref} />
    </>
  );
}
