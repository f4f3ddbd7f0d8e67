import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import { caseFacts, organizations, townships, users } from '../../db/schema';
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
 * Another case `e` of the center by the same person (an applicant's ID-number hash, else phone)
 * against the same respondent (credit code, else normalized name), `when` relating it to `c`.
 */
function samePersonAndMatter(when: SQL) {
  // Driven from the person: the applicant key's index finds their few other cases. Fenced
  // (offset 0), as the planner would otherwise walk every case of the center in the window.
  return sql`select e.id from (
      select ea.case_id from case_parties ca
      join case_parties ea on ea.role = 'applicant' and coalesce(ea.id_number_hash, ea.phone) = coalesce(ca.id_number_hash, ca.phone)
      where ca.case_id = c.id and ca.role = 'applicant' and ea.case_id <> c.id
      offset 0
    ) same_person
    join cases e on e.id = same_person.case_id
    join case_parties cr on cr.case_id = c.id and cr.role = 'respondent'
    join case_parties er on er.case_id = e.id and er.role = 'respondent'
      and coalesce(er.credit_code, nullif(er.normalized_name, '')) = coalesce(cr.credit_code, nullif(cr.normalized_name, ''))
    where e.center_id = c.center_id and ${when}`;
}

const factColumnNames = [
  'case_id', 'center_id', 'status', 'category', 'track', 'channel', 'people', 'received_at', 'registered_at', 'decided_at', 'closed_at',
  'outcome', 'termination_kind', 'acceptance_due_at', 'handling_due_at', 'agreement_at', 'written_agreement_at', 'confirmation_applied_at',
  'confirmation_decided_at', 'confirmation_state', 'terms_last_due_on', 'performed_by_last_due', 'repeat_of_earlier', 'repeated_after_closure',
  'required_visits', 'amount_claimed', 'amount_recovered', 'lead_user_id', 'township_code',
];

/** The facts of the cases `c` that `where` selects, in the order of `factColumnNames`. */
export function derivedCaseFacts(where: SQL) {
  return sql`
    select c.id, c.center_id, c.status, c.category, c.track, c.channel,
      (select count(*) from case_parties p where p.case_id = c.id and p.role = 'applicant')::int,
      c.received_at, c.registered_at, c.decided_at, c.closed_at, c.outcome, cl.termination_kind,
      (select k.due_at from case_clocks k where k.case_id = c.id and k.kind = 'acceptance' order by k.created_at desc limit 1),
      (select k.due_at from case_clocks k where k.case_id = c.id and k.kind = 'handling' order by k.created_at desc limit 1),
      (select min(a.effective_at) from agreements a where a.case_id = c.id),
      (select min(a.effective_at) from agreements a where a.case_id = c.id and a.kind = 'written'),
      j.applied_at, j.decided_at, j.state, terms.last_due_on, coalesce(performed.by_last_due, false),
      exists (${samePersonAndMatter(sql`e.registered_at < c.registered_at and e.registered_at >= c.registered_at - interval '12 months'`)}),
      (c.status = 'closed' and exists (${samePersonAndMatter(sql`e.registered_at > c.closed_at and e.registered_at <= c.closed_at + interval '90 days'`)})),
      (select count(*) from case_visits v where v.case_id = c.id and v.reason = 'required')::int,
      cl.amount_claimed, cl.amount_recovered, lead.user_id, c.township_code
    from cases c
    left join lateral (
      select pm.user_id from panel_members pm
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
    where ${where}`;
}

/** The same facts as a relation `f` with the rollup's column names: reporting straight from the raw tables. */
export function derivedCaseFactsRelation(where: SQL) {
  return sql`(${derivedCaseFacts(where)}) as f(${sql.raw(factColumnNames.join(', '))})`;
}

const upsertFacts = (where: SQL) => sql`
  insert into case_facts (${sql.raw(factColumnNames.join(', '))}) ${derivedCaseFacts(where)}
  on conflict (case_id) do update set ${sql.raw(
    factColumnNames
      .filter((c) => c !== 'case_id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', '),
  )}`;

// One refresh at a time: two running side by side could each write what its own snapshot saw,
// the older last.
const refreshLock = sql`select pg_advisory_xact_lock(hashtext('case_facts.refresh'))`;

/**
 * Recompute the marked cases' facts, and those of the earlier cases of the same person and
 * matter (a new case is a repeat *of them*: their 一次性化解 depends on it). Removes only the
 * marks it has seen: a write that lands meanwhile bumps its mark and stays for next time.
 */
export async function refreshCaseFacts(db: Database): Promise<void> {
  const [pending] = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from case_fact_marks) as any`);
  if (!pending?.any) return;
  await db.transaction(async (tx) => {
    await tx.execute(refreshLock);
    await tx.execute(sql`
      with marked as (select case_id, mark from case_fact_marks),
      fresh as (
        ${upsertFacts(sql`c.id in (
          select case_id from marked
          union
          select e.id from marked m join cases c on c.id = m.case_id
            cross join lateral (${samePersonAndMatter(sql`e.closed_at < c.registered_at`)}) e
        )`)}
        returning case_id
      )
      delete from case_fact_marks k using marked m where k.case_id = m.case_id and k.mark = m.mark`);
  });
}

/** Every case's facts derived afresh (after a bulk load that bypassed the triggers). */
export async function rebuildCaseFacts(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(refreshLock);
    await tx.execute(sql`delete from case_fact_marks`);
    await tx.execute(upsertFacts(sql`true`));
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
    .select({ facts: caseFacts, leadMember: users.displayName, leadOrganization: organizations.name, township: townships.name })
    .from(caseFacts)
    .leftJoin(users, eq(users.id, caseFacts.leadUserId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(townships, and(eq(townships.centerId, caseFacts.centerId), eq(townships.code, caseFacts.townshipCode)))
    .where(and(eq(caseFacts.centerId, centerId), openUntil, lt(caseFacts.registeredAt, period.to)));
  return rows.map(({ facts: f, leadMember, leadOrganization, township }) => {
    const closed = f.status === 'closed';
    return {
      id: f.caseId,
      category: f.category,
      track: f.track ?? null,
      channel: f.channel,
      people: Math.max(1, f.people),
      receivedAt: f.receivedAt,
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
      termsLastDueAt: f.termsLastDueOn ? endOfLocalDay(f.termsLastDueOn) : null,
      performedByLastDue: f.performedByLastDue,
      registeredAt: f.registeredAt,
      repeatOfEarlier: f.repeatOfEarlier,
      repeatedAfterClosure: f.repeatedAfterClosure,
      requiredVisits: f.requiredVisits,
      amountClaimed: f.amountClaimed === null ? null : Number(f.amountClaimed),
      amountRecovered: f.amountRecovered === null ? null : Number(f.amountRecovered),
      leadMember: leadMember ?? null,
      leadOrganization: leadOrganization ?? null,
      township: township ?? null,
    };
  });
}
