import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { localDateOf } from '@/server/domain/calendar';
import { monthOf } from '@/server/domain/kpis';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
import { requireUser } from '../../../_lib/session';
import { rateText } from '../../dashboard/KpiCard';
import { FigureTable } from '../../dashboard/FigureTable';
import { OpenSupervision } from '../../dashboard/OpenSupervision';
import { RegionWarnings } from '../RegionWarnings';
import { ExportLinks } from '../../dashboard/ExportLinks';
import { rankedByRate, regionColumns } from '@/server/domain/dashboard-tables';

const compared = regionColumns;

type Search = Record<string, string | string[] | undefined>;

/**
 * The supervisor's region: every center's cases and this month's indicators side by side,
 * ranked by an indicator when its heading is chosen (best first, centers without a figure last).
 */
export default async function RegionOverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { api } = await requireUser('supervisor');
  const month = monthOf(new Date());
  const { sort } = await searchParams;
  const rankBy = compared.find((id) => id === sort) ?? null;
  const [centers, figures, orders, t, tk, td] = await Promise.all([
    api.center.region(),
    api.dashboard.region({ month }),
    api.supervision.open(),
    getTranslations('region'),
    getTranslations('kpi'),
    getTranslations('dashboard'),
  ]);
  const figuresOf = new Map(figures.map((c) => [c.id, c]));
  const rateOf = (centerId: string, id: (typeof compared)[number]) => figuresOf.get(centerId)?.figures.find((f) => f.id === id)?.cases.rate ?? null;
  const ranked = rankBy ? rankedByRate(centers, (c) => rateOf(c.id, rankBy)) : centers;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <OpenSupervision orders={orders} showCenter today={localDateOf(new Date())} />
      <RegionWarnings />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{t('monthFigures', { month })}</p>
        {centers.length > 0 && <ExportLinks table="region" scope={{ month }} label={td('export.region')} />}
      </div>
      {centers.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <FigureTable
          minWidth="min-w-[44rem]"
          sortedBy={rankBy ? 3 + compared.indexOf(rankBy) : undefined}
          columns={[
            t('center'),
            t('cases'),
            t('open'),
            ...compared.map((id) => (
              <Link key={id} href={`/region?sort=${id}`} className="inline-flex min-h-11 items-center underline decoration-dotted">
                {tk(`${id}.name`)}
                {rankBy === id && ' ↓'}
              </Link>
            )),
            td('warnings'),
            <span key="indicators" className="sr-only">
              {t('indicators')}
            </span>,
          ]}
        >
              {await Promise.all(
                ranked.map(async (c) => {
                  const row = figuresOf.get(c.id);
                  return (
                    <tr key={c.id} className="border-t border-slate-100">
                      <td className="px-3 py-2">
                        <Link href={`/region/${c.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                          {c.name}
                        </Link>{' '}
                        <span className="font-mono text-xs text-slate-600">{c.regionCode}</span>
                      </td>
                      <td className="px-3 py-2">{c.total}</td>
                      <td className="px-3 py-2">{c.open}</td>
                      {await Promise.all(
                        compared.map(async (id) => (
                          <td key={id} className="px-3 py-2 tabular-nums">
                            {await rateText(rateOf(c.id, id))}
                          </td>
                        )),
                      )}
                      <td className="px-3 py-2">
                        {row && row.warnings.red > 0 && <span className="mr-2 text-red-700">{td('redCount', { count: row.warnings.red })}</span>}
                        {row && row.warnings.yellow > 0 && <span className="text-amber-700">{td('yellowCount', { count: row.warnings.yellow })}</span>}
                      </td>
                      <td className="px-3 py-2">
                        <Link href={`/dashboard?center=${c.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={`${c.name} ${t('indicators')}`}>
                          {t('indicators')}
                        </Link>
                      </td>
                    </tr>
                  );
                }),
              )}
        </FigureTable>
      )}
    </>
  );
}
