import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { caseStatuses } from '@/server/domain/case-status';
import { PageTitle } from '../../_components/PageTitle';
import { caseOrNotFound } from '../../_lib/case-or-404';
import { requireUser } from '../../_lib/session';
import { KpiCard, rateText } from './KpiCard';
import { WarningList } from './WarningList';
import { FigureTable } from './FigureTable';
import { ExportLinks } from './ExportLinks';
import { FreezeMonth } from './FreezeMonth';
import { TrendChart } from './TrendChart';
import { OpenSupervision } from './OpenSupervision';
import { SupervisionActions } from '../../_components/SupervisionActions';
import { addDays, localDateOf } from '@/server/domain/calendar';
import { breakdownColumns, rankedByRate, trendColumns } from '@/server/domain/dashboard-tables';
import { breakdowns, shiftMonth, trendGrains } from '@/server/domain/kpis';
import { breakdownLabel, breakdownOf, dashboardHref, dashboardScope, trendGrainOf } from './scope';

type Search = Record<string, string | string[] | undefined>;

/** The director's (or, for one center of the region, the supervisor's) month at a glance. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { api, user } = await requireUser('director', 'supervisor');
  const search = await searchParams;
  const scope = dashboardScope(search);
  const grain = trendGrainOf(search);
  // The breakdown's rows: by case count, or ranked by one of its indicators (best first).
  const rankBy = breakdownColumns.find((id) => id === search.sort) ?? null;
  if (user.role === 'supervisor' && !scope.centerId) redirect('/region');
  const [board, trend, summary, orders, t, tk, format] = await Promise.all([
    caseOrNotFound(api.dashboard.center({ ...scope, by: breakdownOf(search) })),
    caseOrNotFound(api.dashboard.trend({ ...scope, grain })),
    user.role === 'director' ? api.center.summary() : null,
    api.supervision.open(),
    getTranslations(),
    getTranslations('kpi'),
    getFormatter(),
  ]);
  const today = localDateOf(new Date());
  const money = (n: number) => format.number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rateOf = (figures: typeof board.report.figures, id: string) => figures.find((f) => f.id === id)!.cases.rate;
  const trendSeries = trendColumns.map((id) => ({
    name: tk(`${id}.name`),
    points: trend.map((row) => {
      const rate = row.figures.find((f) => f.id === id)?.cases.rate;
      return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
    }),
  }));
  return (
    <>
      <PageTitle
        action={<ExportLinks table="report" scope={scope} params={{ by: board.breakdown.by }} label={t('dashboard.export.report')} />}
      >
        {t('dashboard.title')}
      </PageTitle>
      <p className="mb-2 text-slate-600">{t('dashboard.centerOf', { center: board.center.name, month: board.month })}</p>
      {board.frozen ? (
        <p className="mb-2 text-sm text-slate-600">
          {t('dashboard.frozenBy', { date: format.dateTime(board.frozen.frozenAt, { dateStyle: 'medium' }), name: board.frozen.frozenByName ?? '—' })}
        </p>
      ) : (
        board.ended && user.role === 'director' && (
          <div className="mb-2">
            <FreezeMonth month={board.month} />
          </div>
        )
      )}
      <nav className="mb-4 flex flex-wrap items-center gap-2 text-sm" aria-label={t('dashboard.month')}>
        <Link href={dashboardHref('/dashboard', { ...scope, month: shiftMonth(scope.month, -1) })} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3">
          ← {t('dashboard.previousMonth')}
        </Link>
        <span className="px-2 font-medium tabular-nums">{board.month}</span>
        <Link href={dashboardHref('/dashboard', { ...scope, month: shiftMonth(scope.month, 1) })} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3">
          {t('dashboard.nextMonth')} →
        </Link>
      </nav>

      {/* A supervisor's open orders span the region: here, this center's. */}
      <OpenSupervision orders={orders.filter((o) => o.centerId === board.center.id)} showCenter={false} answerable={user.role === 'director'} today={today} />
      {user.role === 'supervisor' && (
        <div className="mb-4">
          <SupervisionActions target={{ centerId: board.center.id }} canIssue openOrderId={null} minDue={addDays(today, 1)} />
        </div>
      )}
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium">{t('dashboard.warnings')}</h2>
        {user.role === 'director' && (
          <Link href="/dashboard/warning-settings" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
            {t('warnings.settings')}
          </Link>
        )}
      </div>
      <WarningList warnings={board.warnings} user={user} />

      <h2 className="mb-2 mt-6 font-medium">{t('dashboard.kpis')}</h2>
      <div className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
        {board.report.figures.map((figure) => (
          <KpiCard key={figure.id} figure={figure} frozen={board.frozen?.report.figures.find((f) => f.id === figure.id)} scope={scope} />
        ))}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-slate-500">{t('dashboard.daysToClose')}</dt>
          <dd>{board.report.daysToClose.median === null ? t('dashboard.noFigure') : t('dashboard.daysToCloseValue', { median: board.report.daysToClose.median, p90: board.report.daysToClose.p90! })}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-slate-500">{t('dashboard.money')}</dt>
          <dd>{t('dashboard.moneyValue', { claimed: money(board.report.amounts.claimed), recovered: money(board.report.amounts.recovered) })}</dd>
        </div>
      </dl>
      {board.report.refusedBeforeStart > 0 && <p className="mt-2 text-sm text-slate-600">{t('dashboard.refusedBeforeStart', { count: board.report.refusedBeforeStart })}</p>}

      <h2 className="mb-2 mt-6 font-medium">{t('dashboard.clocks')}</h2>
      {board.clocks.length === 0 ? (
        <p className="text-sm text-slate-600">{t('dashboard.clocksNone')}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {board.clocks.map((c) => (
            <li key={c.kind} className="flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2">
              <span className="font-medium">{t(`clock.kind.${c.kind}`)}</span>
              {c.overdue > 0 && <span className="text-red-700">{t('dashboard.overdue', { count: c.overdue })}</span>}
              {c.dueSoon > 0 && <span className="text-amber-700">{t('dashboard.dueSoon', { count: c.dueSoon })}</span>}
            </li>
          ))}
        </ul>
      )}

      <div className="mb-2 mt-6 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium">{t('dashboard.trend')}</h2>
        <ExportLinks table="trend" scope={scope} params={{ grain }} label={t('dashboard.trend')} />
      </div>
      <nav className="mb-2 flex flex-wrap gap-2 text-sm" aria-label={t('dashboard.trend')}>
        {trendGrains.map((g) => (
          <Link
            key={g}
            href={dashboardHref('/dashboard', scope, { grain: g })}
            aria-current={grain === g ? 'true' : undefined}
            className={`inline-flex min-h-11 items-center rounded-md border px-3 ${grain === g ? 'border-brand-600 bg-brand-50 font-medium' : 'border-slate-300 bg-white'}`}
          >
            {t(`dashboard.grain.${g}`)}
          </Link>
        ))}
      </nav>
      <div className="mb-3">
        <TrendChart
          periods={trend.map((row) => row.period)}
          hrefs={trend.map((row) => dashboardHref('/dashboard', { ...scope, month: row.period.slice(0, 7) }))}
          series={trendSeries}
          label={t('dashboard.trendChart', { series: trendSeries.map((s) => s.name).join('、') })}
        />
      </div>
      <FigureTable minWidth="min-w-[32rem]" columns={[t(`dashboard.grainColumn.${grain}`), ...trendColumns.map((id) => tk(`${id}.name`))]}>
            {await Promise.all(
              [...trend].reverse().map(async (row) => (
                <tr key={row.period} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={dashboardHref('/dashboard', { ...scope, month: row.period.slice(0, 7) })} className="inline-flex min-h-11 items-center tabular-nums text-brand-700 underline">
                      {grain === 'week' ? t('dashboard.weekOf', { monday: row.period }) : row.period}
                    </Link>
                  </th>
                  {await Promise.all(
                    trendColumns.map(async (id) => {
                      const figure = row.figures.find((f) => f.id === id);
                      return (
                        <td key={id} className="px-3 py-2 tabular-nums">
                          {await rateText(figure?.cases.rate ?? null)}
                          {figure && figure.cases.denominator > 0 && <span className="ml-1 text-xs text-slate-500">({figure.cases.numerator}/{figure.cases.denominator})</span>}
                        </td>
                      );
                    }),
                  )}
                </tr>
              )),
            )}
      </FigureTable>

      <div className="mb-2 mt-6 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium">{t('dashboard.breakdown')}</h2>
        {/* The month's report ends with this table, as chosen here. */}
        <ExportLinks table="report" scope={scope} params={{ by: board.breakdown.by }} label={t('dashboard.breakdown')} />
      </div>
      <nav className="mb-2 flex flex-wrap gap-2 text-sm" aria-label={t('dashboard.breakdown')}>
        {breakdowns.map((by) => (
          <Link
            key={by}
            href={dashboardHref('/dashboard', scope, { by })}
            aria-current={board.breakdown.by === by ? 'true' : undefined}
            className={`inline-flex min-h-11 items-center rounded-md border px-3 ${board.breakdown.by === by ? 'border-brand-600 bg-brand-50 font-medium' : 'border-slate-300 bg-white'}`}
          >
            {t(`dashboard.by.${by}`)}
          </Link>
        ))}
      </nav>
      <FigureTable
        minWidth="min-w-[36rem]"
        sortedBy={rankBy ? 2 + breakdownColumns.indexOf(rankBy) : 1}
        columns={[
          t(`dashboard.by.${board.breakdown.by}`),
          <Link key="cases" href={dashboardHref('/dashboard', scope, { by: board.breakdown.by })} className="inline-flex min-h-11 items-center underline decoration-dotted">
            {t('dashboard.caseCount')}
            {!rankBy && ' ↓'}
          </Link>,
          ...breakdownColumns.map((id) => (
            <Link key={id} href={dashboardHref('/dashboard', scope, { by: board.breakdown.by, sort: id })} className="inline-flex min-h-11 items-center underline decoration-dotted">
              {tk(`${id}.name`)}
              {rankBy === id && ' ↓'}
            </Link>
          )),
        ]}
      >
            {await Promise.all(
              (rankBy ? rankedByRate(board.breakdown.rows, (row) => rateOf(row.figures, rankBy)) : board.breakdown.rows).map(async (row) => (
                <tr key={row.value} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {breakdownLabel(t, board.breakdown.by, row.value)}
                  </th>
                  <td className="px-3 py-2 tabular-nums">{row.cases}</td>
                  {await Promise.all(
                    breakdownColumns.map(async (id) => (
                      <td key={id} className="px-3 py-2 tabular-nums">
                        <Link
                          href={dashboardHref('/dashboard/cases', scope, { kpi: id, side: 'denominator', by: board.breakdown.by, value: row.value })}
                          className="inline-flex min-h-11 items-center text-brand-700 underline"
                        >
                          {await rateText(rateOf(row.figures, id))}
                        </Link>
                      </td>
                    )),
                  )}
                </tr>
              )),
            )}
      </FigureTable>

      {summary && (
        <>
          <h2 className="mb-2 mt-6 font-medium">{t('dashboard.byStatus')}</h2>
          <p className="mb-2 text-sm text-slate-600">
            {t('dashboard.total')} {summary.total} · {t('dashboard.open')} {summary.open}
          </p>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
            {caseStatuses.map((s) => (
              <div key={s} className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-xs text-slate-500">{t(`status.${s}`)}</dt>
                <dd className="text-lg font-semibold">{summary.byStatus[s]}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
