import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
import { Pager } from '../../../_components/Pager';
import { CaseCard } from '../../../_components/CaseCard';
import { caseOrNotFound } from '../../../_lib/case-or-404';
import { requireUser } from '../../../_lib/session';

type Search = Record<string, string | string[] | undefined>;

/** A center of the supervisor's region: its cases, newest first, each opening the case. */
export default async function RegionCenterPage({ params, searchParams }: { params: Promise<{ centerId: string }>; searchParams: Promise<Search> }) {
  const { api } = await requireUser('supervisor');
  const [{ centerId }, search] = await Promise.all([params, searchParams]);
  const page = Math.max(1, Number(search.page) || 1);
  const [list, t, format] = await Promise.all([caseOrNotFound(api.center.cases({ centerId, page })), getTranslations(), getFormatter()]);
  const pages = Math.max(1, Math.ceil(list.total / 20));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/region" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t('region.title')}
        </Link>
      </p>
      <PageTitle>{list.center.name}</PageTitle>
      <p className="mb-3 text-sm text-slate-600">{t('intake.total', { total: list.total })}</p>
      {list.rows.length === 0 ? (
        <EmptyState>{t('region.noCases')}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={t('region.casesOf', { center: list.center.name })}>
          {list.rows.map((c) => (
            <li key={c.id}>
              <CaseCard
                {...c}
                facts={`${t.has(`category.${c.category}`) ? t(`category.${c.category}`) : c.category} · ${t(`channel.${c.channel}`)} · ${format.dateTime(c.registeredAt, { dateStyle: 'medium' })}`}
              />
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} href={(n) => `/region/${centerId}?page=${n}`} />
    </>
  );
}
