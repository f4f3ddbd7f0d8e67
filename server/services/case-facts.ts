import { and, eq, getTableColumns, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type Database } from '../../db/client';
import { sendTogether } from '../../db/flight';
import { caseFactVersions, caseFacts, organizations, townships, users } from '../../db/schema';
import type { CaseStatus } from '../domain/case-status';
import { endOfLocalDay } from '../domain/calendar';
import { repeatWindowMs, type CaseFacts, type Period } from '../domain/kpis';

/**
 * The dashboard's rollup (table `case_facts`, one row per case): what the indicators need of a
 * case, derived once from eight tables and kept until one of them changes. Triggers mark a
 * case in `case_fact_marks` whenever a row it depends on is written, in the writer's own
 * transaction, so a mark can never be lost; `refreshCaseFacts` recomputes the marked cases
 * before the dashboard reads. The derivation below is the only definition of a fact: the
 * refresh, the bulk load and the benchmark's plain-SQL baseline all use it.
 */

/**
 * Pairs of cases of one center (`case_id`, `other_id`) by the same person (an applicant's
 * ID-number hash, else phone) against the same respondent (credit code, else normalized name),
 * for the cases `scope` admits. Found from the person's key (indexed), so a handful of cases
 * costs a handful of probes and every case one hash join.
 */
function samePersonAndMatter(scope: (column: string) => SQL) {
  return sql`select ca.case_id, ea.case_id as other_id
    from case_parties ca
    join case_parties ea on ea.role = 'applicant' and coalesce(ea.id_number_hash, ea.phone) = coalesce(ca.id_number_hash, ca.phone)
      and ea.center_id = ca.center_id and ea.case_id <> ca.case_id
    join case_parties cr on cr.case_id = ca.case_id and cr.role = 'respondent'
    join case_parties er on er.case_id = ea.case_id and er.role = 'respondent'
      and coalesce(er.credit_code, nullif(er.normalized_name, '')) = coalesce(cr.credit_code, nullif(cr.normalized_name, ''))
    where ca.role = 'applicant' and ${scope('ca.case_id')}`;
}

const factColumnNames = [
  'case_id', 'center_id', 'status', 'category', 'track', 'channel', 'people', 'received_at', 'registered_at', 'decided_at', 'closed_at',
  'outcome', 'termination_kind', 'acceptance_due_at', 'handling_due_at', 'agreement_at', 'written_agreement_at', 'confirmation_applied_at',
  'confirmation_decided_at', 'confirmation_state', 'terms_last_due_on', 'performed_by_last_due', 'repeat_of_earlier', 'repeated_after_closure',
  'required_visits', 'amount_claimed', 'amount_recovered', 'lead_user_id', 'township_code',
];

/**
 * The facts of the cases `targets` names (a list of ids or a subquery) — every case when null — in the
 * order of `factColumnNames`. Set-wise: each table is aggregated once per case for the targets,
 * which the planner answers from the case-id indexes for a few marked cases and by hash joins
 * for a whole database.
 */
export function derivedCaseFacts(targets: SQL | null) {
  const scope = (column: string) => (targets ? sql`${sql.raw(column)} in (${targets})` : sql`true`);
  return sql`
    select c.id, c.center_id, c.status, c.category, c.track, c.channel, coalesce(p.people, 0),
      c.received_at, c.registered_at, c.decided_at, c.closed_at, c.outcome, cl.termination_kind,
      k.acceptance_due_at, k.handling_due_at, a.agreement_at, a.written_agreement_at,
      j.applied_at, j.decided_at, j.state, terms.last_due_on, coalesce(terms.by_last_due, false),
      coalesce(rep.repeat_of_earlier, false), coalesce(c.status = 'closed' and rep.repeated_after_closure, false),
      coalesce(v.required_visits, 0), cl.amount_claimed, cl.amount_recovered, lead.user_id, c.township_code
    from cases c
    left join (
      select case_id, count(*)::int as people from case_parties where role = 'applicant' and ${scope('case_id')} group by case_id
    ) p on p.case_id = c.id
    left join (
      select case_id,
        (array_agg(due_at order by created_at desc) filter (where kind = 'acceptance'))[1] as acceptance_due_at,
        (array_agg(due_at order by created_at desc) filter (where kind = 'handling'))[1] as handling_due_at
      from case_clocks where kind in ('acceptance', 'handling') and ${scope('case_id')} group by case_id
    ) k on k.case_id = c.id
    left join (
      select case_id, min(effective_at) as agreement_at, min(effective_at) filter (where kind = 'written') as written_agreement_at
      from agreements where ${scope('case_id')} group by case_id
    ) a on a.case_id = c.id
    left join (
      select distinct on (case_id) case_id, applied_at, decided_at, state from judicial_confirmations
      where ${scope('case_id')} order by case_id, applied_at
    ) j on j.case_id = c.id
    left join (
      select distinct on (case_id) case_id, termination_kind, amount_claimed, amount_recovered from case_closures
      where ${scope('case_id')} order by case_id, closed_at desc
    ) cl on cl.case_id = c.id
    left join (
      select distinct on (case_id) case_id, user_id from panel_members
      where is_lead and removed_at is null and ${scope('case_id')} order by case_id, added_at
    ) lead on lead.case_id = c.id
    left join (
      select case_id, count(*)::int as required_visits from case_visits where reason = 'required' and ${scope('case_id')} group by case_id
    ) v on v.case_id = c.id
    left join (
      -- Every term of the case's effective agreements paid in full or done by the last one's due date.
      select case_id, max(last_due_on) as last_due_on, bool_and(case
        when kind = 'payment' then coalesce((select sum(pay.amount) from payments pay where pay.term_id = t.id and pay.paid_on <= t.last_due_on), 0) >= coalesce(amount, 0)
        else performed_at is not null and (performed_at at time zone 'Asia/Shanghai')::date <= t.last_due_on
      end) as by_last_due
      from (
        select ag.case_id, term.id, term.kind, term.amount, term.performed_at, max(term.due_on) over (partition by ag.case_id) as last_due_on
        from agreement_terms term join agreements ag on ag.id = term.agreement_id
        where ag.state = 'effective' and ${scope('ag.case_id')}
      ) t group by case_id
    ) terms on terms.case_id = c.id
    left join (
      select pair.case_id,
        bool_or(other.registered_at < self.registered_at and other.registered_at >= self.registered_at - interval '12 months') as repeat_of_earlier,
        bool_or(other.registered_at > self.closed_at and other.registered_at <= self.closed_at + interval '90 days') as repeated_after_closure
      from (${samePersonAndMatter(scope)}) pair
      join cases self on self.id = pair.case_id join cases other on other.id = pair.other_id
      group by pair.case_id
    ) rep on rep.case_id = c.id
    where ${scope('c.id')}`;
}

/** The same facts as a relation `f` with the rollup's column names: reporting straight from the raw tables. */
export function derivedCaseFactsRelation(targets: SQL) {
  return sql`(${derivedCaseFacts(targets)}) as f(${sql.raw(factColumnNames.join(', '))})`;
}

const upsertFacts = (targets: SQL | null) => sql`
  insert into case_facts (${sql.raw(factColumnNames.join(', '))}) ${derivedCaseFacts(targets)}
  on conflict (case_id) do update set ${sql.raw(
    factColumnNames
      .filter((c) => c !== 'case_id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', '),
  )}`;

/** Each center of the rewritten facts (`centers`, a subquery) moves to its next version. */
const bumpVersions = (centers: SQL) => sql`
  insert into case_fact_versions (center_id, version) select distinct center_id, 1 from (${centers}) c
  on conflict (center_id) do update set version = case_fact_versions.version + 1`;

/** A center's facts version (0 before any refresh touched it). */
export async function factsVersion(db: Database, centerId: string): Promise<number> {
  const [row] = await db.select({ version: caseFactVersions.version }).from(caseFactVersions).where(eq(caseFactVersions.centerId, centerId));
  return row?.version ?? 0;
}

// One refresh at a time: two running side by side could each write what its own snapshot saw,
// the older last.
const refreshLock = sql`select pg_advisory_xact_lock(hashtext('case_facts.refresh'))`;

/**
 * Recompute the marked cases' facts, and those of the other cases of the same person and
 * matter (a new case is a repeat *of them*: their 一次性化解 depends on it), in batches named
 * case by case, so the planner sees how few they are and probes the indexes. Each batch is a
 * transaction of its own under an advisory lock (two refreshes side by side could each write
 * what its own snapshot saw, the older last), reading the marks once it holds the lock (a
 * refresh that ran meanwhile took what it saw). A request refreshes at most `batches` of them —
 * a bounded wait; the rest are left for the next read and for the background refresh
 * (server/services/scheduler.ts). After a migration marked every case, `settleCaseFacts`
 * derives them all at start.
 */
export async function refreshCaseFacts(db: Database, { batches = 10, batchSize = 500 } = {}): Promise<void> {
  const [pending] = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from case_fact_marks) as any`);
  if (!pending?.any) return;
  for (let batch = 0; batch < batches; batch++) {
    const more = await db.transaction(async (tx) => {
      await tx.execute(refreshLock);
      const marks = await queryRows<{ case_id: string; mark: string }>(tx, sql`select case_id, mark::text as mark from case_fact_marks order by case_id limit ${batchSize}`);
      if (marks.length > 0) await refreshBatch(tx, marks);
      return marks.length === batchSize;
    });
    if (!more) return;
  }
}

async function refreshBatch(tx: Database, marks: { case_id: string; mark: string }[]) {
  const list = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const others = await queryRows<{ other_id: string }>(
    tx,
    sql`select distinct pair.other_id from (${samePersonAndMatter((column) => sql`${sql.raw(column)} in (${list(marks.map((m) => m.case_id))})`)}) pair`,
  );
  const targets = list([...new Set([...marks.map((m) => m.case_id), ...others.map((o) => o.other_id)])]);
  const seen = sql.join(marks.map((m) => sql`(${m.case_id}::uuid, ${m.mark}::bigint)`), sql`, `);
  await sendTogether([
    tx.execute(sql`with fresh as (${upsertFacts(targets)} returning center_id) ${bumpVersions(sql`select center_id from fresh`)}`),
    // Only at the value seen, and never waiting on a writer holding a mark (it is bumping it:
    // the case stays marked), so a refresh cannot deadlock with the windows' writes.
    tx.execute(sql`delete from case_fact_marks where ctid in (
      select ctid from case_fact_marks where (case_id, mark) in (${seen}) for update skip locked)`),
  ]);
}

/**
 * After migrations: when more cases are marked than requests refresh (a migration marked
 * every case), derive every case's facts at once — by hash joins, without a statement limit,
 * before the server takes requests.
 */
export async function settleCaseFacts(db: Database, { from = 5000 } = {}): Promise<void> {
  const [row] = await queryRows<{ many: boolean }>(db, sql`select count(*) >= ${from} as many from (select 1 from case_fact_marks limit ${from}) m`);
  if (row?.many) await rebuildCaseFacts(db);
}

/** Every case's facts derived afresh (after a bulk load that bypassed the triggers). */
export async function rebuildCaseFacts(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(refreshLock);
    await tx.execute(sql`delete from case_fact_marks`);
    await tx.execute(sql`with fresh as (${upsertFacts(null)} returning center_id) ${bumpVersions(sql`select center_id from fresh`)}`);
  });
}

const notAccepted: readonly CaseStatus[] = ['registered', 'declined', 'transferred', 'merged'];

/**
 * The facts of each case that could fall in the period's cohorts: registered before it ended
 * and not closed before it began (every cohort's event — a decision, an agreement, a closure —
 * comes between the two), with the 90 days a closure's repeat window reaches back.
 */
export async function readCaseFacts(db: Database, centerId: string, period: Period): Promise<CaseFacts[]> {
  // A raw expression's parameter is not mapped by drizzle: sent as text, which both drivers take.
  const openSince = new Date(period.from.getTime() - repeatWindowMs).toISOString();
  const openUntil = sql`coalesce(${caseFacts.closedAt}, 'infinity'::timestamptz) >= ${openSince}::timestamptz`;
  const rows = await db
    .select({
      ...factFields,
      receivedAt: epochMs(caseFacts.receivedAt),
      registeredAt: epochMs(caseFacts.registeredAt),
      decidedAt: epochMs(caseFacts.decidedAt),
      closedAt: epochMs(caseFacts.closedAt),
      acceptanceDueAt: epochMs(caseFacts.acceptanceDueAt),
      handlingDueAt: epochMs(caseFacts.handlingDueAt),
      agreementAt: epochMs(caseFacts.agreementAt),
      writtenAgreementAt: epochMs(caseFacts.writtenAgreementAt),
      confirmationAppliedAt: epochMs(caseFacts.confirmationAppliedAt),
      confirmationDecidedAt: epochMs(caseFacts.confirmationDecidedAt),
      leadMember: users.displayName,
      leadOrganization: organizations.name,
      township: townships.name,
    })
    .from(caseFacts)
    .leftJoin(users, eq(users.id, caseFacts.leadUserId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(townships, and(eq(townships.centerId, caseFacts.centerId), eq(townships.code, caseFacts.townshipCode)))
    .where(and(eq(caseFacts.centerId, centerId), openUntil, lt(caseFacts.registeredAt, period.to)));
  return rows.map((f) => {
    const closed = f.status === 'closed';
    return {
      id: f.caseId,
      category: f.category,
      track: f.track ?? null,
      channel: f.channel,
      people: Math.max(1, f.people),
      receivedAt: f.receivedAt!,
      acceptanceDueAt: f.acceptanceDueAt,
      decidedAt: f.decidedAt,
      accepted: f.decidedAt !== null && !notAccepted.includes(f.status),
      closedAt: closed ? f.closedAt : null,
      handlingDueAt: f.handlingDueAt,
      outcome: closed ? f.outcome : null,
      terminationKind: closed ? f.terminationKind : null,
      agreementAt: f.agreementAt,
      writtenAgreementAt: f.writtenAgreementAt,
      confirmationAppliedAt: f.confirmationAppliedAt,
      confirmationDecidedAt: f.confirmationDecidedAt,
      confirmed: f.confirmationState === 'confirmed',
      termsLastDueAt: f.termsLastDueOn ? endOfLocalDay(f.termsLastDueOn).getTime() : null,
      performedByLastDue: f.performedByLastDue,
      registeredAt: f.registeredAt!,
      repeatOfEarlier: f.repeatOfEarlier,
      repeatedAfterClosure: f.repeatedAfterClosure,
      requiredVisits: f.requiredVisits,
      amountClaimed: f.amountClaimed === null ? null : Number(f.amountClaimed),
      amountRecovered: f.amountRecovered === null ? null : Number(f.amountRecovered),
      leadMember: f.leadMember ?? null,
      leadOrganization: f.leadOrganization ?? null,
      township: f.township ?? null,
    };
  });
}

/** Instants read as epoch milliseconds (a float8 both drivers hand over as a number), as the indicators take them. */
const epochMs = (column: AnyPgColumn) => sql<number | null>`(extract(epoch from ${column}) * 1000)::float8`;

const { receivedAt: _r, registeredAt: _g, decidedAt: _d, closedAt: _c, acceptanceDueAt: _a, handlingDueAt: _h, agreementAt: _ag, writtenAgreementAt: _w, confirmationAppliedAt: _ca, confirmationDecidedAt: _cd, ...factFields } =
  getTableColumns(caseFacts);
