import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { kpiIds } from '@/server/domain/kpis';
import { CaseCard } from '../../../_components/CaseCard';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
import { caseOrNotFound } from '../../../_lib/case-or-404';
import { requireUser } from '../../../_lib/session';
import { ExportLinks } from '../ExportLinks';
import { breakdownLabel, breakdownOf, dashboardHref, dashboardScope } from '../scope';

type Search = Record<string, string | string[] | undefined>;

const figureOf = z.object({ kpi: z.enum(kpiIds), side: z.enum(['numerator', 'denominator']), value: z.string().max(64).optional() });

/** The cases behind one figure of the dashboard: exactly those the number counted. */
export default async function KpiCasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { api } = await requireUser('director', 'supervisor');
  const search = await searchParams;
  const scope = dashboardScope(search);
  const figure = figureOf.safeParse(search);
  if (!figure.success) notFound();
  const by = breakdownOf(search);
  const [list, t, format] = await Promise.all([caseOrNotFound(api.dashboard.cases({ ...scope, ...figure.data, by })), getTranslations(), getFormatter()]);
  const value = figure.data.value;
  const title = t('dashboard.drillTitle', { kpi: t(`kpi.${figure.data.kpi}.name`), side: t(`dashboard.${figure.data.side}`) });

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={dashboardHref('/dashboard', scope)} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t('dashboard.back')}
        </Link>
      </p>
      <PageTitle>{title}</PageTitle>
      <p className="mb-3 text-sm text-slate-600">
        {t('dashboard.centerOf', { center: list.center.name, month: scope.month })}
        {value ? ` · ${breakdownLabel(t, by, value)}` : ''} · {list.cases.length} {t('dashboard.cases')}
      </p>
      {list.cases.length > 0 && (
        <div className="mb-3">
          <ExportLinks table="cases" scope={scope} params={{ kpi: figure.data.kpi, side: figure.data.side, by, ...(value ? { value } : {}) }} label={title} />
        </div>
      )}
      {list.cases.length === 0 ? (
        <EmptyState>{t('dashboard.drillEmpty')}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {list.cases.map((c) => (
            <li key={c.id}>
              <CaseCard {...c} facts={`${breakdownLabel(t, 'category', c.category)} · ${format.dateTime(c.registeredAt, { dateStyle: 'medium' })}`} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
