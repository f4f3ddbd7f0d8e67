import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { panelRoles } from '@/server/domain/roles';
import { CaseCard } from '../../../_components/CaseCard';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
import { Pager } from '../../../_components/Pager';
import { pageHref, pageParam, type SearchParams } from '../../../_lib/page-param';
import { requireUser } from '../../../_lib/session';

/** A panel member's cases: the open ones first, among them the ones they lead; a page at a time. */
export default async function PanelCasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { api } = await requireUser(...panelRoles);
  const page = pageParam.parse((await searchParams).page);
  const [list, t, format] = await Promise.all([api.panel.mine({ page }), getTranslations(), getFormatter()]);
  const href = (n: number) => pageHref('/cases', n);
  // An address past the last page (cases were closed or handed on) shows the last page.
  if (page > list.pages) redirect(href(list.pages));
  const cases = list.rows;
  return (
    <>
      <PageTitle>{t('panel.title')}</PageTitle>
      {cases.length === 0 ? (
        <EmptyState>{t('panel.empty')}</EmptyState>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {cases.map((c) => (
            <li key={c.id}>
              <CaseCard
                {...c}
                badge={c.isLead ? <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">{t('panel.lead')}</span> : null}
                facts={`${t.has(`category.${c.category}`) ? t(`category.${c.category}`) : c.category} · ${format.dateTime(c.registeredAt, { dateStyle: 'medium' })}`}
              />
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pages={list.pages} href={href} />
    </>
  );
}
