import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { CaseCard } from '../../_components/CaseCard';
import { primaryButtonClass } from '../../_components/Field';
import { Pager } from '../../_components/Pager';
import { pageHref, pageParam, type SearchParams } from '../../_lib/page-param';
import { requireUser } from '../../_lib/session';

export default async function MyCasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { api } = await requireUser('petitioner');
  const page = pageParam.parse((await searchParams).page);
  const [list, t, format] = await Promise.all([api.petition.mine({ page }), getTranslations(), getFormatter()]);
  const href = (n: number) => pageHref('/my', n);
  // An address past the last page (the list got shorter) shows the last page.
  if (page > list.pages) redirect(href(list.pages));
  const cases = list.rows;
  return (
    <>
      <PageTitle>{t('my.title')}</PageTitle>
      {cases.length === 0 ? (
        <div className="flex flex-col items-center gap-4">
          <EmptyState>{t('my.empty')}</EmptyState>
          <Link href="/my/new" className={primaryButtonClass}>
            {t('my.start')}
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t('my.title')}>
          {cases.map((c) => (
            <li key={c.id}>
              <CaseCard
                {...c}
                facts={`${t(`category.${c.category}`)} · ${c.centerName} · ${format.dateTime(c.registeredAt, { dateStyle: 'medium' })}`}
              />
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pages={list.pages} href={href} />
    </>
  );
}
