// The dashboards on a province's worth of history (tests/bench/generate-load.ts): one center's
// year — every indicator, month by month — and a supervisor's region for a month, each against
// the plain aggregate SQL over the raw tables that answers the same question, in the same run.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { demoPassword } from '../../db/demo';
import { monthOf, trendPeriods } from '../../server/domain/kpis';
import { derivedCaseFactsRelation } from '../../server/services/case-facts';
import { generateLoad, loadDatabaseUrl, loadedSize } from './generate-load';
import { httpLoad, interleaved, signInCookie, sqlLoad, summarize, type Load, type Meters, type ScenarioResult } from './harness';
import { groupCpuMs, roundTripCounter } from './wire';

type App = { baseUrl: string; processGroup?: number; stop(): Promise<void> };
export interface DashboardRow extends ScenarioResult {
  baseline: string;
  baseline_rps: number;
  /** The scenario's rate over the plain SQL's: how many times faster the dashboard answers. */
  ratio: number;
}

const loadCases = Number(process.env.LOAD_CASES ?? 1_000_000);

export async function benchDashboards(startApp: (env: Record<string, string>) => Promise<App>, options: { duration: number; rounds: number }): Promise<DashboardRow[]> {
  const size = await loadedSize();
  if (size?.cases !== loadCases) await generateLoad(loadCases);
  const wire = await roundTripCounter(loadDatabaseUrl);
  // The sweeps (clocks, retention, warnings over every center) stay off: this measures the dashboards alone.
  const app = await startApp({ DATABASE_URL: wire.url, SWEEP_INTERVAL_SECONDS: '0' });
  const raw = postgres(loadDatabaseUrl, { max: 1, onnotice: () => {} });
  const rows: DashboardRow[] = [];
  try {
    const meters: Meters = { roundTrips: wire.roundTrips, ...(app.processGroup && { cpuMs: () => groupCpuMs(app.processGroup!) }) };
    const [director, supervisor] = [await signInCookie(app.baseUrl, 'director', demoPassword), await signInCookie(app.baseUrl, 'supervisor', demoPassword)];
    const [directorCenter] = await raw<{ center_id: string; region_code: string }[]>`
      select u.center_id, c.parent_region_code as region_code from users u join centers c on c.id = u.center_id where u.username = 'director'`;
    const { center_id: centerId, region_code: regionCode } = directorCenter!;
    const regionCenters = (await raw<{ id: string }[]>`select id from centers where parent_region_code = ${regionCode}`).map((c) => c.id);
    const month = monthOf(new Date());
    const trpc = (path: string, input: unknown) => `${app.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

    const year = trendPeriods(month, 'month');
    const one = async (scenario: string, url: string, cookie: string, baseline: { name: string; query: SQL }) => {
      const dialect = new PgDialect();
      const { sql: text, params } = dialect.sqlToQuery(baseline.query);
      const sqlStretch = (seconds: number) => sqlLoad(() => raw.unsafe(text, params as never[]), { connections: 1, duration: seconds });
      const httpStretch = (seconds: number) => httpLoad({ url, connections: 1, duration: seconds, headers: { cookie } }, meters);
      await sqlStretch(2);
      await httpStretch(2);
      const loads = await interleaved<Load>(options.rounds, () => sqlStretch(options.duration / options.rounds), () => httpStretch(options.duration / options.rounds));
      const base = summarize(baseline.name, loads.baseline);
      const row = summarize(scenario, loads.scenario);
      rows.push({ ...base, baseline: base.scenario, baseline_rps: base.rps, ratio: 1 }, { ...row, baseline: base.scenario, baseline_rps: base.rps, ratio: Math.round((row.rps / base.rps) * 100) / 100 });
    };

    await one('dashboard center-year: every indicator, month by month, one connection (dashboard.trend)', trpc('dashboard.trend', { month }), director, {
      name: 'plain SQL: the year’s indicators month by month, aggregated over the raw tables',
      query: monthlyCounts([centerId], year),
    });
    await one(
      `dashboard region month: ${regionCenters.length} centers, one connection (dashboard.region)`,
      trpc('dashboard.region', { month }),
      supervisor,
      { name: 'plain SQL: the month’s indicators per center, aggregated over the raw tables', query: monthlyCounts(regionCenters, year.slice(-1), true) },
    );
  } finally {
    await raw.end();
    await app.stop();
    await wire.close();
  }
  return rows;
}

/**
 * What a reporting query written straight against the tables does: derive each case's facts
 * from the raw rows (the same derivation the rollup stores) and count, per period (and
 * center), the cohort and the cases meeting each case indicator.
 */
function monthlyCounts(centerIds: string[], periods: ReturnType<typeof trendPeriods>, perCenter = false): SQL {
  const from = periods[0]!.period.from.toISOString();
  const to = periods.at(-1)!.period.to.toISOString();
  const months = sql.join(
    periods.map((p) => sql`(${p.name}, ${p.period.from.toISOString()}::timestamptz, ${p.period.to.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const inMonth = (column: string) => sql.raw(`f.${column} >= m.from_at and f.${column} < m.to_at`);
  const ids = sql.join(
    centerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`
    select m.name, ${perCenter ? sql`f.center_id,` : sql``}
      count(*) filter (where ${inMonth('registered_at')}) as submissions,
      count(*) filter (where ${inMonth('registered_at')} and f.repeat_of_earlier) as repeats,
      count(*) filter (where ${inMonth('acceptance_due_at')}) as acceptance_due,
      count(*) filter (where ${inMonth('acceptance_due_at')} and f.decided_at <= f.acceptance_due_at) as accepted_on_time,
      count(*) filter (where ${inMonth('decided_at')}) as decided,
      count(*) filter (where ${inMonth('decided_at')} and f.closed_at is not null) as decided_and_closed,
      count(*) filter (where ${inMonth('closed_at')}) as closed,
      count(*) filter (where ${inMonth('closed_at')} and f.closed_at <= f.handling_due_at) as closed_on_time,
      count(*) filter (where ${inMonth('closed_at')} and f.outcome = 'resolved') as resolved,
      count(*) filter (where ${inMonth('closed_at')} and f.required_visits <= 1) as one_visit,
      count(*) filter (where ${inMonth('agreement_at')}) as agreements,
      sum(f.people) filter (where ${inMonth('closed_at')}) as people_closed,
      percentile_cont(0.5) within group (order by extract(epoch from f.closed_at - f.received_at)) filter (where ${inMonth('closed_at')}) as median_seconds
    from ${derivedCaseFactsRelation(
      sql`select id from cases where center_id in (${ids}) and registered_at < ${to}::timestamptz and (closed_at is null or closed_at >= ${from}::timestamptz - interval '90 days')`,
    )}
    cross join (values ${months}) as m(name, from_at, to_at)
    group by m.name${perCenter ? sql`, f.center_id` : sql``}`;
}
