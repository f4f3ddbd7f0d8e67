import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { reportingOf, type Database } from '../../db/client';
import { caseClocks, cases, followUpVisits, monthlyReports, ratings, rectifications, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { breakdownKey, caseFactKpiIds, computeKpis, freezeReport, kpisBy, monthPeriod, trendPeriods, type Breakdown, type KpiId, type Period, type RatingFacts, type StepFacts, type TrendGrain } from '../domain/kpis';
import { endOfLocalDay, localDateOf } from '../domain/calendar';
import { caseClockKinds } from '../domain/tracks';
import { daysLeft } from '../domain/clocks';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { centersInRegion } from './case-queries';
import { ServiceError } from './errors';
import { dashboardCenter } from './dashboard-center';
import { centerWarnings } from './early-warnings';
import { factsVersion, readCaseFacts, refreshCaseFacts } from './case-facts';
import { endedPeriods } from './ended-periods';

/**
 * Where the dashboard reads its figures: the rollup is brought up to date on the primary first,
 * then the facts, ratings and steps are read from the reporting replica when one is configured
 * (DATABASE_REPLICA_URL), off the primary the windows write to.
 */
async function reportingReads(db: Database): Promise<Database> {
  await refreshCaseFacts(db);
  return reportingOf(db);
}

/** What every indicator of a period needs of one center. */
async function periodFacts(read: Database, centerId: string, period: Period) {
  const [facts, rated, steps] = await Promise.all([readCaseFacts(read, centerId, period), ratingFacts(read, centerId, period), stepFacts(read, centerId, period)]);
  return { facts, rated, steps };
}

/** The ratings given in the period, with whether a follow-up replaced them. */
async function ratingFacts(db: Database, centerId: string, period: Period): Promise<RatingFacts[]> {
  const followUp = sql`exists (select 1 from ${ratings} f where f.follow_up_of = ${ratings.id})`;
  const rows = await db
    .select({ id: ratings.id, caseId: ratings.caseId, level: ratings.level, createdAt: ratings.createdAt, excludedAt: ratings.excludedAt, superseded: sql<boolean>`${followUp}` })
    .from(ratings)
    .where(and(eq(ratings.centerId, centerId), gte(ratings.createdAt, period.from), lt(ratings.createdAt, period.to)));
  return rows.map((r) => ({ id: r.id, caseId: r.caseId, level: r.level, createdAt: r.createdAt.getTime(), excluded: r.excludedAt !== null, superseded: Boolean(r.superseded) }));
}

/**
 * The steps owed by a date that fell due in the period: each bad rating's call back and report
 * (their clocks' due dates; an upheld appeal ends the report), each planned follow-up visit.
 */
async function stepFacts(db: Database, centerId: string, period: Period): Promise<StepFacts> {
  const inPeriod = (column: typeof caseClocks.dueAt) => and(gte(column, period.from), lt(column, period.to));
  const [clocks, visits] = await Promise.all([
    db
      .select({ kind: caseClocks.kind, caseId: caseClocks.caseId, dueAt: caseClocks.dueAt, calledBackAt: rectifications.calledBackAt, reportedAt: rectifications.reportedAt, appealDecidedAt: rectifications.appealDecidedAt, state: rectifications.state })
      .from(caseClocks)
      .innerJoin(rectifications, eq(rectifications.ratingId, caseClocks.subjectId))
      .where(and(eq(caseClocks.centerId, centerId), inArray(caseClocks.kind, ['rating_callback', 'rectification']), inPeriod(caseClocks.dueAt))),
    db
      .select({ caseId: followUpVisits.caseId, dueOn: followUpVisits.dueOn, doneAt: followUpVisits.doneAt })
      .from(followUpVisits)
      .where(and(eq(followUpVisits.centerId, centerId), gte(followUpVisits.dueOn, localDateOf(period.from)), lt(followUpVisits.dueOn, localDateOf(period.to)))),
  ]);
  const step = (caseId: string, dueAt: Date, doneAt: Date | null) => ({ caseId, dueAt: dueAt.getTime(), doneAt: doneAt?.getTime() ?? null });
  return {
    callbacks: clocks.filter((c) => c.kind === 'rating_callback').map((c) => step(c.caseId, c.dueAt!, c.calledBackAt)),
    rectifications: clocks
      .filter((c) => c.kind === 'rectification')
      .map((c) => step(c.caseId, c.dueAt!, c.reportedAt ?? (c.state === 'appeal_upheld' ? c.appealDecidedAt : null))),
    followUps: visits.map((v) => step(v.caseId, endOfLocalDay(v.dueOn), v.doneAt)),
  };
}

/** The live clocks of the center's cases: overdue and due within three days, by kind. */
async function clocksNow(db: Database, centerId: string, now: Date) {
  const rows = await db
    .select({ kind: caseClocks.kind, dueAt: caseClocks.dueAt })
    .from(caseClocks)
    .where(and(eq(caseClocks.centerId, centerId), eq(caseClocks.state, 'running'), inArray(caseClocks.kind, [...caseClockKinds])));
  return caseClockKinds
    .map((kind) => {
      const left = rows.filter((r) => r.kind === kind && r.dueAt).map((r) => daysLeft(r.dueAt!, now));
      return { kind, overdue: left.filter((d) => d < 0).length, dueSoon: left.filter((d) => d >= 0 && d <= 3).length };
    })
    .filter((c) => c.overdue + c.dueSoon > 0);
}

/** The month's indicators for one center, overall and by category, with today's clocks and warnings. */
export async function centerDashboard(db: Database, user: SessionUser, input: { month: string; centerId?: string; by?: Breakdown }, now = new Date()) {
  const center = await dashboardCenter(db, user, input.centerId);
  const period = monthPeriod(input.month);
  const read = await reportingReads(db);
  const [{ facts, rated, steps }, clocks, warnings] = await Promise.all([periodFacts(read, center.id, period), clocksNow(read, center.id, now), centerWarnings(db, center.id, now)]);
  const report = computeKpis(facts, rated, period, now, steps);
  const [frozen] = await read
    .select({ report: monthlyReports.report, frozenAt: monthlyReports.frozenAt, frozenByName: users.displayName })
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.frozenBy))
    .where(and(eq(monthlyReports.centerId, center.id), eq(monthlyReports.month, input.month)));
  return {
    center: { id: center.id, name: center.name },
    month: input.month,
    report: freezeReport(report),
    /** The month as the director froze it, if they did; the live figures above show later corrections. */
    frozen: frozen ?? null,
    /** The month is over: it can be frozen (by the director). */
    ended: period.to <= now,
    breakdown: {
      by: input.by ?? 'category',
      rows: kpisBy(breakdownKey(input.by ?? 'category'), facts, rated, period, now, steps).map((g) => ({ value: g.value, cases: g.cases, figures: freezeReport(g.report).figures })),
    },
    clocks,
    warnings: warnings.map(({ caseIds: _ids, ...w }) => w),
  };
}

/** The cases behind one figure: exactly those the number counted. */
export async function kpiCases(
  db: Database,
  user: SessionUser,
  input: { month: string; kpi: KpiId; side: 'numerator' | 'denominator'; by?: Breakdown; value?: string; centerId?: string },
  now = new Date(),
) {
  const center = await dashboardCenter(db, user, input.centerId);
  const period = monthPeriod(input.month);
  const read = await reportingReads(db);
  const { facts, rated, steps } = await periodFacts(read, center.id, period);
  const figure = input.value
    ? kpisBy(breakdownKey(input.by ?? 'category'), facts, rated, period, now, steps)
        .find((g) => g.value === input.value)
        ?.report.figures.find((f) => f.id === input.kpi)
    : computeKpis(facts, rated, period, now, steps).figures.find((f) => f.id === input.kpi);
  if (!figure) return { center: { id: center.id, name: center.name }, cases: [] };
  const ids = figure.ids[input.side];
  if (ids.length === 0) return { center: { id: center.id, name: center.name }, cases: [] };
  const rows = await read
    .select({ id: cases.id, caseNumber: cases.caseNumber, title: cases.title, status: cases.status, category: cases.category, registeredAt: cases.registeredAt, closedAt: cases.closedAt })
    .from(cases)
    .where(and(eq(cases.centerId, center.id), inArray(cases.id, ids)))
    .orderBy(asc(cases.registeredAt));
  return { center: { id: center.id, name: center.name }, cases: rows };
}

export type CenterDashboard = Awaited<ReturnType<typeof centerDashboard>>;

/**
 * The supervisor's region: every center's month in the same indicators, with its warnings
 * counted, so centers can be compared (and ranked by any column on the page).
 */
export async function regionDashboard(db: Database, user: SessionUser, input: { month: string }, now = new Date()) {
  if (!user.regionCode) return [];
  const period = monthPeriod(input.month);
  const [inRegion, read] = await Promise.all([centersInRegion(db, user.regionCode), reportingReads(db)]);
  return Promise.all(
    inRegion.map(async (center) => {
      const [{ facts, rated, steps }, warnings] = await Promise.all([periodFacts(read, center.id, period), centerWarnings(db, center.id, now)]);
      const report = computeKpis(facts, rated, period, now, steps);
      return {
        ...center,
        figures: report.figures.map(({ ids: _ids, ...f }) => f),
        // Those the center has not yet dealt with.
        warnings: {
          red: warnings.filter((w) => w.level === 'red' && !w.disposition).length,
          yellow: warnings.filter((w) => w.level === 'yellow' && !w.disposition).length,
        },
      };
    }),
  );
}

/**
 * The trend: every indicator for each of the twelve months up to this one, or the thirteen
 * weeks up to its end, computed by the same definitions as the month itself. An ended period's
 * case-fact figures no longer depend on the clock, only on the facts: they are kept per center
 * and facts version (see `case_fact_versions`) and the facts are read only for the periods not
 * kept — usually the running one. Ratings and steps owed are counted afresh each time.
 */
export async function centerTrend(db: Database, user: SessionUser, input: { month: string; centerId?: string; grain?: TrendGrain }, now = new Date()) {
  const center = await dashboardCenter(db, user, input.centerId);
  const all = trendPeriods(input.month, input.grain ?? 'month');
  // Periods yet to begin are shown empty (a month far ahead has none begun).
  const periods = all.filter(({ period }) => period.from <= now);
  if (periods.length === 0) return all.map(({ name }) => ({ period: name, figures: [] }));
  const read = await reportingReads(db);
  // Read before the facts: figures kept under it are never older than the facts it names.
  const version = await factsVersion(read, center.id);
  const kept = new Map(periods.map(({ name, period }) => [name, period.to <= now ? endedPeriods.get(center.id, name, version) : undefined]));
  const toCompute = periods.filter(({ name }) => !kept.get(name));
  const span = (list: typeof periods) => ({ from: list[0]!.period.from, to: list.at(-1)!.period.to });
  const [facts, rated, steps] = await Promise.all([
    toCompute.length > 0 ? readCaseFacts(read, center.id, span(toCompute)) : [],
    ratingFacts(read, center.id, span(periods)),
    stepFacts(read, center.id, span(periods)),
  ]);
  return all.map(({ name, period }) => {
    if (period.from > now) return { period: name, figures: [] };
    const keptFigures = kept.get(name);
    const report = computeKpis(keptFigures ? [] : facts, rated, period, now, steps);
    const figures = report.figures.map(({ ids: _ids, ...f }) => keptFigures?.find((k) => k.id === f.id) ?? f);
    if (!keptFigures && period.to <= now) endedPeriods.set(center.id, name, version, figures.filter((f) => caseFactKpiIds.includes(f.id)));
    return { period: name, figures };
  });
}

/**
 * The director freezes an ended month: its figures as they stand, with their definitions'
 * versions, kept unchanged from then on. Once per month; audited.
 */
export async function freezeMonth(ctx: ServiceContext, input: { month: string }) {
  const user = actingUser(ctx);
  const center = await dashboardCenter(ctx.db, user);
  const period = monthPeriod(input.month);
  const now = ctx.now();
  if (period.to > now) throw new ServiceError('conflict', 'dashboard.monthNotEnded');
  return ctx.db.transaction(async (tx) => {
    // Read in the transaction that stores the report, on the primary: what is frozen is what is there.
    await refreshCaseFacts(tx);
    const { facts, rated, steps } = await periodFacts(tx, center.id, period);
    const report = freezeReport(computeKpis(facts, rated, period, now, steps));
    const [row] = await tx
      .insert(monthlyReports)
      .values({ centerId: center.id, month: input.month, report, frozenBy: user.id, frozenAt: now })
      .onConflictDoNothing()
      .returning({ id: monthlyReports.id });
    if (!row) throw new ServiceError('conflict', 'dashboard.alreadyFrozen');
    await writeAudit(tx, { actor: { kind: 'user', user }, centerId: center.id, action: 'report.frozen', entityType: 'monthly_report', entityId: row.id, data: { month: input.month } });
    return { id: row.id };
  });
}
