import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import { caseClocks, cases, followUpVisits, monthlyReports, ratings, rectifications, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import type { ClosureOutcome, TerminationKind } from '../domain/agreements';
import type { CaseStatus } from '../domain/case-status';
import { breakdownKey, computeKpis, freezeReport, kpisBy, monthPeriod, repeatWindowMs, shiftMonth, type Breakdown, type CaseFacts, type KpiId, type Period, type RatingFacts, type StepFacts } from '../domain/kpis';
import { endOfLocalDay, localDateOf } from '../domain/calendar';
import { caseClockKinds } from '../domain/tracks';
import { daysLeft } from '../domain/clocks';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { centersInRegion } from './case-queries';
import { ServiceError } from './errors';
import { dashboardCenter } from './dashboard-center';
import { centerWarnings } from './early-warnings';

const notAccepted: readonly CaseStatus[] = ['registered', 'declined', 'transferred', 'merged'];

/**
 * What the indicators need of each case that could fall in the period's cohorts: cases
 * registered before it ended and not closed before it began (every cohort's event — a
 * decision, an agreement, a closure — comes between the two). One query, a row per case.
 */
async function caseFacts(db: Database, centerId: string, period: Period): Promise<CaseFacts[]> {
  const list = await queryRows(
    db,
    sql`
    select c.id, c.category, c.track, c.channel, c.status, c.received_at, c.decided_at, c.closed_at, c.outcome,
      (select count(*) from case_parties p where p.case_id = c.id and p.role = 'applicant')::int as people,
      (select k.due_at from case_clocks k where k.case_id = c.id and k.kind = 'acceptance' order by k.created_at desc limit 1) as acceptance_due_at,
      (select k.due_at from case_clocks k where k.case_id = c.id and k.kind = 'handling' order by k.created_at desc limit 1) as handling_due_at,
      (select min(a.effective_at) from agreements a where a.case_id = c.id) as agreement_at,
      (select min(a.effective_at) from agreements a where a.case_id = c.id and a.kind = 'written') as written_agreement_at,
      j.applied_at as confirmation_applied_at, j.decided_at as confirmation_decided_at, j.state as confirmation_state,
      terms.last_due_on, performed.by_last_due as performed_by_last_due, c.registered_at,
      exists (${samePersonAndMatter(sql`e.registered_at < c.registered_at and e.registered_at >= c.registered_at - interval '12 months'`)}) as repeat_of_earlier,
      (c.status = 'closed' and exists (${samePersonAndMatter(sql`e.registered_at > c.closed_at and e.registered_at <= c.closed_at + interval '90 days'`)})) as repeated_after_closure,
      (select count(*) from case_visits v where v.case_id = c.id and v.reason = 'required')::int as required_visits,
      cl.termination_kind, cl.amount_claimed, cl.amount_recovered, lead.lead_member, lead.lead_organization
    from cases c
    left join lateral (
      select u.display_name as lead_member, o.name as lead_organization
      from panel_members pm join users u on u.id = pm.user_id left join organizations o on o.id = u.organization_id
      where pm.case_id = c.id and pm.is_lead and pm.removed_at is null
      order by pm.added_at limit 1
    ) lead on true
    left join lateral (
      select cc.termination_kind, cc.amount_claimed, cc.amount_recovered from case_closures cc
      where cc.case_id = c.id order by cc.closed_at desc limit 1
    ) cl on true
    left join lateral (
      select jc.applied_at, jc.decided_at, jc.state from judicial_confirmations jc
      where jc.case_id = c.id order by jc.applied_at limit 1
    ) j on true
    left join lateral (
      select max(t.due_on) as last_due_on from agreement_terms t join agreements a on a.id = t.agreement_id
      where a.case_id = c.id and a.state = 'effective'
    ) terms on true
    left join lateral (
      select bool_and(case
        when t.kind = 'payment' then coalesce((select sum(p.amount) from payments p where p.term_id = t.id and p.paid_on <= terms.last_due_on), 0) >= coalesce(t.amount, 0)
        else t.performed_at is not null and (t.performed_at at time zone 'Asia/Shanghai')::date <= terms.last_due_on
      end) as by_last_due
      from agreement_terms t join agreements a on a.id = t.agreement_id
      where a.case_id = c.id and a.state = 'effective'
    ) performed on true
    where c.center_id = ${centerId} and c.registered_at < ${period.to.toISOString()}
      and (c.closed_at is null or c.closed_at >= ${new Date(period.from.getTime() - repeatWindowMs).toISOString()})`,
  );
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const amount = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return list.map((r) => ({
    id: r.id as string,
    category: r.category as string,
    track: (r.track as string | null) ?? null,
    channel: r.channel as string,
    people: Math.max(1, Number(r.people)),
    receivedAt: date(r.received_at)!,
    acceptanceDueAt: date(r.acceptance_due_at),
    decidedAt: date(r.decided_at),
    accepted: r.decided_at !== null && !notAccepted.includes(r.status as CaseStatus),
    closedAt: r.status === 'closed' ? date(r.closed_at) : null,
    handlingDueAt: date(r.handling_due_at),
    outcome: r.status === 'closed' ? (r.outcome as ClosureOutcome | null) : null,
    terminationKind: r.status === 'closed' ? (r.termination_kind as TerminationKind | null) : null,
    agreementAt: date(r.agreement_at),
    writtenAgreementAt: date(r.written_agreement_at),
    confirmationAppliedAt: date(r.confirmation_applied_at),
    confirmationDecidedAt: date(r.confirmation_decided_at),
    confirmed: r.confirmation_state === 'confirmed',
    termsLastDueAt: r.last_due_on ? endOfLocalDay(dateColumn(r.last_due_on)) : null,
    performedByLastDue: r.performed_by_last_due === true,
    registeredAt: date(r.registered_at)!,
    repeatOfEarlier: r.repeat_of_earlier === true,
    repeatedAfterClosure: r.repeated_after_closure === true,
    requiredVisits: Number(r.required_visits),
    amountClaimed: amount(r.amount_claimed),
    amountRecovered: amount(r.amount_recovered),
    leadMember: (r.lead_member as string | null) ?? null,
    leadOrganization: (r.lead_organization as string | null) ?? null,
  }));
}

/**
 * Another case `e` of the center by the same person (an applicant's ID-number hash, else phone)
 * against the same respondent (credit code, else normalized name), within `when`.
 */
function samePersonAndMatter(when: ReturnType<typeof sql>) {
  return sql`select 1 from cases e
    join case_parties ea on ea.case_id = e.id and ea.role = 'applicant'
    join case_parties ca on ca.case_id = c.id and ca.role = 'applicant'
      and coalesce(ca.id_number_hash, ca.phone) = coalesce(ea.id_number_hash, ea.phone)
    join case_parties er on er.case_id = e.id and er.role = 'respondent'
    join case_parties cr on cr.case_id = c.id and cr.role = 'respondent'
      and coalesce(cr.credit_code, nullif(cr.normalized_name, '')) = coalesce(er.credit_code, nullif(er.normalized_name, ''))
    where e.center_id = c.center_id and e.id <> c.id and ${when}`;
}

/** A `date` column read raw: postgres.js gives 'YYYY-MM-DD', PGlite a Date at UTC midnight. */
function dateColumn(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** The ratings given in the period, with whether a follow-up replaced them. */
async function ratingFacts(db: Database, centerId: string, period: Period): Promise<RatingFacts[]> {
  const followUp = sql`exists (select 1 from ${ratings} f where f.follow_up_of = ${ratings.id})`;
  const rows = await db
    .select({ id: ratings.id, caseId: ratings.caseId, level: ratings.level, createdAt: ratings.createdAt, excludedAt: ratings.excludedAt, superseded: sql<boolean>`${followUp}` })
    .from(ratings)
    .where(and(eq(ratings.centerId, centerId), gte(ratings.createdAt, period.from), lt(ratings.createdAt, period.to)));
  return rows.map((r) => ({ id: r.id, caseId: r.caseId, level: r.level, createdAt: r.createdAt, excluded: r.excludedAt !== null, superseded: Boolean(r.superseded) }));
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
  const step = (caseId: string, dueAt: Date, doneAt: Date | null) => ({ caseId, dueAt, doneAt });
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
  const [facts, rated, steps, clocks, warnings] = await Promise.all([
    caseFacts(db, center.id, period),
    ratingFacts(db, center.id, period),
    stepFacts(db, center.id, period),
    clocksNow(db, center.id, now),
    centerWarnings(db, center.id, now),
  ]);
  const report = computeKpis(facts, rated, period, now, steps);
  const [frozen] = await db
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
  const [facts, rated, steps] = await Promise.all([caseFacts(db, center.id, period), ratingFacts(db, center.id, period), stepFacts(db, center.id, period)]);
  const figure = input.value
    ? kpisBy(breakdownKey(input.by ?? 'category'), facts, rated, period, now, steps)
        .find((g) => g.value === input.value)
        ?.report.figures.find((f) => f.id === input.kpi)
    : computeKpis(facts, rated, period, now, steps).figures.find((f) => f.id === input.kpi);
  if (!figure) return { center: { id: center.id, name: center.name }, cases: [] };
  const ids = figure.ids[input.side];
  if (ids.length === 0) return { center: { id: center.id, name: center.name }, cases: [] };
  const rows = await db
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
  const inRegion = await centersInRegion(db, user.regionCode);
  return Promise.all(
    inRegion.map(async (center) => {
      const [facts, rated, steps, warnings] = await Promise.all([
        caseFacts(db, center.id, period),
        ratingFacts(db, center.id, period),
        stepFacts(db, center.id, period),
        centerWarnings(db, center.id, now),
      ]);
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
 * The last twelve months up to this one, for the trend table: each month's headline
 * indicators, computed by the same definitions as the month itself.
 */
export async function centerTrend(db: Database, user: SessionUser, input: { month: string; centerId?: string }, now = new Date()) {
  const center = await dashboardCenter(db, user, input.centerId);
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(input.month, i - 11));
  return Promise.all(
    months.map(async (month) => {
      const period = monthPeriod(month);
      if (period.from > now) return { month, figures: [] };
      const [facts, rated] = await Promise.all([caseFacts(db, center.id, period), ratingFacts(db, center.id, period)]);
      const report = computeKpis(facts, rated, period, now);
      return { month, figures: report.figures.filter((f) => trendKpis.includes(f.id)).map(({ ids: _ids, ...f }) => f) };
    }),
  );
}

const trendKpis: readonly KpiId[] = ['closure_rate', 'resolution_rate', 'mediation_success', 'satisfaction'];

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
    const [facts, rated, steps] = await Promise.all([caseFacts(tx, center.id, period), ratingFacts(tx, center.id, period), stepFacts(tx, center.id, period)]);
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
