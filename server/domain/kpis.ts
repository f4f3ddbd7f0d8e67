import type { ClosureOutcome, TerminationKind } from './agreements';
import { addDays, localDateOf, startOfLocalDay, weekday } from './calendar';
import type { RatingLevel } from './ratings';
import { isSatisfied } from './ratings';

/**
 * The center's performance indicators, each defined once, here: which cases a period counts
 * (its cohort: the event that puts a case in the period), which of them meet the indicator,
 * and a version that changes whenever the definition does, printed beside every figure and in
 * every export. Every figure comes with the ids behind it, so a drill-down lists exactly the
 * cases the number counted. Counted in cases (件) and in people (人次: a group case counts
 * each applicant).
 */

/** A half-open interval [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/** A calendar month where the center is ('2026-11'), as the instants it spans. */
export function monthPeriod(month: string): Period {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: startOfLocalDay(`${month}-01`), to: startOfLocalDay(`${next}-01`) };
}

/** The month before or after, '2026-12' → '2027-01'. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month an instant falls in, where the center is. */
export function monthOf(instant: Date): string {
  return localDateOf(instant).slice(0, 7);
}

/** The week (Monday to Sunday where the center is) that starts on `monday`, as the instants it spans. */
export function weekPeriod(monday: string): Period {
  return { from: startOfLocalDay(monday), to: startOfLocalDay(addDays(monday, 7)) };
}

/** The Monday of the week a local date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export const trendGrains = ['month', 'week'] as const;
export type TrendGrain = (typeof trendGrains)[number];

/**
 * The periods a trend shows, oldest first, each named by its month ('2026-11') or the Monday
 * its week starts on: the twelve months up to `month`, or the thirteen weeks up to the last
 * day of `month` (a quarter, week by week).
 */
export function trendPeriods(month: string, grain: TrendGrain): { name: string; period: Period }[] {
  if (grain === 'month') {
    return Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11)).map((name) => ({ name, period: monthPeriod(name) }));
  }
  const lastMonday = mondayOf(addDays(`${shiftMonth(month, 1)}-01`, -1));
  return Array.from({ length: 13 }, (_, i) => addDays(lastMonday, (i - 12) * 7)).map((name) => ({ name, period: weekPeriod(name) }));
}

/**
 * An instant as epoch milliseconds. The indicators compare instants hundreds of thousands of
 * times for a year's figures: as numbers, not Date objects (Next's server wraps the Date
 * constructor, and reading an instant of such a Date was 15× slower than of a plain one).
 */
export type Instant = number;

/** What the indicators need to know of one case; the service reads it from the tables. */
export interface CaseFacts {
  id: string;
  category: string;
  /** The track the case was accepted on (none before acceptance). */
  track: string | null;
  channel: string;
  /** Applicants: the case's weight in 人次. */
  people: number;
  receivedAt: Instant;
  /** The acceptance clock's due date. */
  acceptanceDueAt: Instant | null;
  decidedAt: Instant | null;
  /** Accepted by this center (not declined, transferred or merged away). */
  accepted: boolean;
  closedAt: Instant | null;
  /** The last handling clock's due date: approved extensions counted, statutory pauses excluded. */
  handlingDueAt: Instant | null;
  outcome: ClosureOutcome | null;
  terminationKind: TerminationKind | null;
  /** When the first agreement (written or oral) took effect. */
  agreementAt: Instant | null;
  /** When the first written agreement took effect (only those can be judicially confirmed). */
  writtenAgreementAt: Instant | null;
  /** The application for judicial confirmation, if made, and the court's decision. */
  confirmationAppliedAt: Instant | null;
  confirmationDecidedAt: Instant | null;
  confirmed: boolean;
  /** The end (24:00) of the last due date among the terms of the case's effective agreements. */
  termsLastDueAt: Instant | null;
  /** Every term paid or done by then. */
  performedByLastDue: boolean;
  registeredAt: Instant;
  /** The same person with the same respondent had a case here within the 12 months before. */
  repeatOfEarlier: boolean;
  /** …and came again within 90 days after this one closed. */
  repeatedAfterClosure: boolean;
  /** In-person visits the process required (最多跑一次 counts these, not voluntary ones). */
  requiredVisits: number;
  amountClaimed: number | null;
  amountRecovered: number | null;
  /** The panel's lead (by name) and the organization they serve in, once a panel is set up. */
  leadMember: string | null;
  leadOrganization: string | null;
  /** The township where the case arose, by name; unknown for cases registered before it was asked. */
  township: string | null;
}

export interface RatingFacts {
  id: string;
  caseId: string;
  level: RatingLevel;
  createdAt: Instant;
  /** An appeal the supervisor upheld: on record, out of the rate. */
  excluded: boolean;
  /** Replaced by the rater's follow-up rating (追评), which counts instead. */
  superseded: boolean;
}

/**
 * A step owed by a date: a bad rating's call back or its report, a follow-up visit. The period
 * counts the steps that fell due in it (and are due by the report date, or done).
 */
export interface DueStep {
  caseId: string;
  dueAt: Instant;
  doneAt: Instant | null;
}

export interface StepFacts {
  /** 差评回访: the 1-day call back of each bad rating. */
  callbacks: DueStep[];
  /** 差评整改: the report within 15 days (an upheld appeal ends it too). */
  rectifications: DueStep[];
  /** 回访: each planned follow-up visit. */
  followUps: DueStep[];
}

export const kpiIds = [
  'on_time_acceptance',
  'closure_rate',
  'on_time_closure',
  'resolution_rate',
  'mediation_success',
  'at_most_one_visit',
  'confirmation_application',
  'confirmation_rate',
  'performance_rate',
  'first_time_resolution',
  'repeat_rate',
  'satisfaction',
  'callback_on_time',
  'rectification_on_time',
  'follow_up_done',
] as const;
export type KpiId = (typeof kpiIds)[number];
type StepKpiId = 'callback_on_time' | 'rectification_on_time' | 'follow_up_done';
type CaseKpiId = Exclude<KpiId, 'satisfaction' | StepKpiId>;

/** A period's bounds as instants. */
interface Span {
  from: Instant;
  to: Instant;
}

interface Context {
  period: Span;
  /** Figures are "as of" this instant (the end of the period, or now if earlier). */
  asOf: Instant;
}

const within = (at: Instant | null, { from, to }: Span) => at !== null && at >= from && at < to;
const notAfter = (a: Instant, b: Instant) => a <= b;

/** How long after closure a case must stay without a repeat to count as resolved at once. */
export const repeatWindowMs = 90 * 86_400_000;

interface CaseKpi {
  version: number;
  cohort(c: CaseFacts, ctx: Context): boolean;
  meets(c: CaseFacts, ctx: Context): boolean;
}

const caseKpis: Record<CaseKpiId, CaseKpi> = {
  // 按期受理率: acceptance decisions that fell due in the period, made by their due time.
  on_time_acceptance: {
    version: 1,
    cohort: (c, { period, asOf }) => within(c.acceptanceDueAt, period) && (c.decidedAt !== null || notAfter(c.acceptanceDueAt!, asOf)),
    meets: (c) => c.decidedAt !== null && notAfter(c.decidedAt, c.acceptanceDueAt!),
  },
  // 办结率: cases accepted in the period and closed by the report date.
  closure_rate: {
    version: 1,
    cohort: (c, { period }) => c.accepted && within(c.decidedAt, period),
    meets: (c, { asOf }) => c.closedAt !== null && notAfter(c.closedAt, asOf),
  },
  // 按期办结率: cases closed in the period with a handling clock, closed by its due date.
  on_time_closure: {
    version: 1,
    cohort: (c, { period }) => c.accepted && within(c.closedAt, period) && c.handlingDueAt !== null,
    meets: (c) => notAfter(c.closedAt!, c.handlingDueAt!),
  },
  // 化解率: cases closed in the period, closed as resolved (declined and transferred never close here).
  resolution_rate: {
    version: 1,
    cohort: (c, { period }) => c.accepted && within(c.closedAt, period),
    meets: (c) => c.outcome === 'resolved',
  },
  // 调解成功率: mediations that ended in the period — by an agreement taking effect, or ended by
  // a party or failed — ending in agreement. Refusals before mediation began are reported apart.
  mediation_success: {
    version: 1,
    cohort: (c, { period }) =>
      within(c.agreementAt, period) || (c.agreementAt === null && within(c.closedAt, period) && (c.terminationKind === 'ended_by_party' || c.terminationKind === 'failed')),
    meets: (c, { period }) => within(c.agreementAt, period),
  },
  // 司法确认申请率: written agreements that took effect in the period, sent for judicial
  // confirmation by the report date.
  confirmation_application: {
    version: 1,
    cohort: (c, { period }) => within(c.writtenAgreementAt, period),
    meets: (c, { asOf }) => c.confirmationAppliedAt !== null && notAfter(c.confirmationAppliedAt, asOf),
  },
  // 确认率: the court's decisions in the period that confirmed the agreement.
  confirmation_rate: {
    version: 1,
    cohort: (c, { period }) => within(c.confirmationDecidedAt, period),
    meets: (c) => c.confirmed,
  },
  // 履行率: cases whose agreements' last term fell due in the period (and by the report date),
  // every term paid in full or done by that date.
  performance_rate: {
    version: 1,
    cohort: (c, { period, asOf }) => within(c.termsLastDueAt, period) && notAfter(c.termsLastDueAt!, asOf),
    meets: (c) => c.performedByLastDue,
  },
  // 一次性化解率: first-time cases whose 90 days after closure ended in the period (by the
  // report date), with no repeat by the same person on the same matter in those days.
  first_time_resolution: {
    version: 1,
    cohort: (c, { period, asOf }) => {
      if (!c.accepted || c.closedAt === null || c.repeatOfEarlier) return false;
      const windowEnd = c.closedAt + repeatWindowMs;
      return within(windowEnd, period) && notAfter(windowEnd, asOf);
    },
    meets: (c) => !c.repeatedAfterClosure,
  },
  // 重复信访率: submissions in the period repeating a case of the same person on the same matter
  // from the 12 months before. Lower is better.
  repeat_rate: {
    version: 1,
    cohort: (c, { period }) => within(c.registeredAt, period),
    meets: (c) => c.repeatOfEarlier,
  },
  // 最多跑一次率: cases closed in the period for which the person came in at most once when required.
  at_most_one_visit: {
    version: 1,
    cohort: (c, { period }) => c.accepted && within(c.closedAt, period),
    meets: (c) => c.requiredVisits <= 1,
  },
};

interface StepKpi {
  version: number;
  steps(facts: StepFacts): DueStep[];
  meets(step: DueStep, ctx: Context): boolean;
}

const stepKpis: Record<StepKpiId, StepKpi> = {
  // 差评回访及时率: call backs due in the period made by their due time.
  callback_on_time: { version: 1, steps: (f) => f.callbacks, meets: (s) => s.doneAt !== null && notAfter(s.doneAt, s.dueAt) },
  // 差评按期整改率: rectification reports due in the period made by their due time.
  rectification_on_time: { version: 1, steps: (f) => f.rectifications, meets: (s) => s.doneAt !== null && notAfter(s.doneAt, s.dueAt) },
  // 回访完成率: follow-up visits due in the period made by the report date.
  follow_up_done: { version: 1, steps: (f) => f.followUps, meets: (s, { asOf }) => s.doneAt !== null && notAfter(s.doneAt, asOf) },
};

/** The indicators computed from case facts alone (the others count ratings and steps owed). */
export const caseFactKpiIds = Object.keys(caseKpis) as readonly KpiId[];

export const kpiVersions: Record<KpiId, number> = {
  ...(Object.fromEntries(Object.entries(caseKpis).map(([id, k]) => [id, k.version])) as Record<CaseKpiId, number>),
  ...(Object.fromEntries(Object.entries(stepKpis).map(([id, k]) => [id, k.version])) as Record<StepKpiId, number>),
  // 满意率: ratings given in the period (a follow-up rating in place of the one it follows;
  // appeals upheld left out) at 非常满意, 满意 or 基本满意.
  satisfaction: 1,
};

export interface Ratio {
  numerator: number;
  denominator: number;
  /** Null when nothing was due: "no figure", never 0 % or 100 %. */
  rate: number | null;
}

export interface KpiFigure {
  id: KpiId;
  version: number;
  cases: Ratio;
  /** 人次; null for ratings, which are one person each. */
  people: Ratio | null;
  /** The drill-down: the cases (or, for satisfaction, the ratings' cases) behind each side. */
  ids: { numerator: string[]; denominator: string[] };
}

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

function caseFigure(id: CaseKpiId, facts: CaseFacts[], ctx: Context): KpiFigure {
  const kpi = caseKpis[id];
  const cohort = facts.filter((c) => kpi.cohort(c, ctx));
  const met = cohort.filter((c) => kpi.meets(c, ctx));
  const people = (cs: CaseFacts[]) => cs.reduce((sum, c) => sum + c.people, 0);
  return {
    id,
    version: kpi.version,
    cases: ratio(met.length, cohort.length),
    people: ratio(people(met), people(cohort)),
    ids: { numerator: met.map((c) => c.id), denominator: cohort.map((c) => c.id) },
  };
}

function satisfactionFigure(ratings: RatingFacts[], period: Span): KpiFigure {
  const counted = ratings.filter((r) => within(r.createdAt, period) && !r.excluded && !r.superseded);
  const satisfied = counted.filter((r) => isSatisfied(r.level));
  return {
    id: 'satisfaction',
    version: kpiVersions.satisfaction,
    cases: ratio(satisfied.length, counted.length),
    people: null,
    ids: { numerator: [...new Set(satisfied.map((r) => r.caseId))], denominator: [...new Set(counted.map((r) => r.caseId))] },
  };
}

function stepFigure(id: StepKpiId, facts: StepFacts, ctx: Context): KpiFigure {
  const kpi = stepKpis[id];
  const due = kpi.steps(facts).filter((s) => within(s.dueAt, ctx.period) && (s.doneAt !== null || notAfter(s.dueAt, ctx.asOf)));
  const met = due.filter((s) => kpi.meets(s, ctx));
  return {
    id,
    version: kpi.version,
    cases: ratio(met.length, due.length),
    people: null,
    ids: { numerator: [...new Set(met.map((s) => s.caseId))], denominator: [...new Set(due.map((s) => s.caseId))] },
  };
}

const noSteps: StepFacts = { callbacks: [], rectifications: [], followUps: [] };

export interface KpiReport {
  figures: KpiFigure[];
  /** Mediations refused by a party before they began (人民调解法 art. 17), apart from the success rate. */
  refusedBeforeStart: number;
  /** Days from receipt to closure of the cases closed in the period. */
  daysToClose: { median: number | null; p90: number | null };
  /** Of the cases closed in the period, in yuan. */
  amounts: { claimed: number; recovered: number };
}

/** Every indicator for one period, as of its end (or now, for the running period). */
export function computeKpis(facts: CaseFacts[], ratings: RatingFacts[], { from, to }: Period, now: Date, steps: StepFacts = noSteps): KpiReport {
  const period = { from: from.getTime(), to: to.getTime() };
  const ctx: Context = { period, asOf: Math.min(period.to, now.getTime()) };
  const figures = kpiIds.map((id) =>
    id === 'satisfaction' ? satisfactionFigure(ratings, period) : id in stepKpis ? stepFigure(id as StepKpiId, steps, ctx) : caseFigure(id as CaseKpiId, facts, ctx),
  );
  const closed = facts.filter((c) => c.accepted && within(c.closedAt, period));
  const days = closed.map((c) => (c.closedAt! - c.receivedAt) / 86_400_000).sort((a, b) => a - b);
  return {
    figures,
    refusedBeforeStart: facts.filter((c) => c.terminationKind === 'refused' && within(c.closedAt, period)).length,
    daysToClose: { median: percentile(days, 0.5), p90: percentile(days, 0.9) },
    amounts: {
      claimed: round2(closed.reduce((sum, c) => sum + (c.amountClaimed ?? 0), 0)),
      recovered: round2(closed.reduce((sum, c) => sum + (c.amountRecovered ?? 0), 0)),
    },
  };
}

/** Nearest-rank percentile, in days to one decimal; null for no cases. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The same indicators per value of a grouping (category, say), the groups with most cases first. */
export function kpisBy(key: (c: CaseFacts) => string, facts: CaseFacts[], ratings: RatingFacts[], period: Period, now: Date, steps: StepFacts = noSteps) {
  const groups = new Map<string, CaseFacts[]>();
  for (const c of facts) {
    const value = key(c);
    const members = groups.get(value);
    if (members) members.push(c);
    else groups.set(value, [c]);
  }
  return [...groups]
    .map(([value, members]) => {
      const ids = new Set(members.map((c) => c.id));
      const mine = <T extends { caseId: string }>(items: T[]) => items.filter((i) => ids.has(i.caseId));
      const groupSteps = { callbacks: mine(steps.callbacks), rectifications: mine(steps.rectifications), followUps: mine(steps.followUps) };
      return { value, cases: members.length, report: computeKpis(members, mine(ratings), period, now, groupSteps) };
    })
    .sort((a, b) => b.cases - a.cases || a.value.localeCompare(b.value));
}

/** A month's report as frozen: the figures without the ids behind them (cases change; the report does not). */
export type FrozenReport = Omit<KpiReport, 'figures'> & { figures: Omit<KpiFigure, 'ids'>[] };

export function freezeReport(report: KpiReport): FrozenReport {
  return { ...report, figures: report.figures.map(({ ids: _ids, ...figure }) => figure) };
}

/** What the figures can be broken down by. */
export const breakdowns = ['category', 'track', 'channel', 'township', 'panel_member', 'organization'] as const;
export type Breakdown = (typeof breakdowns)[number];

/**
 * A case's value for a breakdown; a case not yet on a track, without a township, or without a
 * panel lead (or one outside any organization), counts as "none". A panel member's cases are
 * those they lead.
 */
export function breakdownKey(by: Breakdown): (c: CaseFacts) => string {
  if (by === 'track') return (c) => c.track ?? 'none';
  if (by === 'township') return (c) => c.township ?? 'none';
  if (by === 'panel_member') return (c) => c.leadMember ?? 'none';
  if (by === 'organization') return (c) => c.leadOrganization ?? 'none';
  return (c) => c[by];
}
