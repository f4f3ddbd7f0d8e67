import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import { caseClocks, cases as casesTable, users, warningAcknowledgements, warningDispositions } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import type { CaseStatus } from '../domain/case-status';
import { openStatuses } from '../domain/case-status';
import { caseClockKinds } from '../domain/tracks';
import { answersFor, earlyWarnings, personAndMatterKey, spikeBaselineWeeks, spikeWindowDays, type SpikeCase, type WarningCase, type WarningClock, type WarningLevel } from '../domain/warnings';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { centerWarningSettings } from './warning-settings';
import { warningRef } from '../pii';

/**
 * The cases the warning rules look at: registered in the last 30 days or still open, each with
 * its respondent's key, its applicants' keys (ID-number hash, else phone) and its words.
 */
async function warningCases(db: Database, centerId: string, now: Date): Promise<(WarningCase & { caseNumber: string; title: string })[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await queryRows(
    db,
    sql`
    select c.id, c.case_number, c.title, c.category, c.registered_at, c.status,
      c.title || ' ' || c.description || ' ' || c.request as text,
      (select count(*) from case_parties p where p.case_id = c.id and p.role = 'applicant')::int as people,
      (select coalesce(r.credit_code, nullif(r.normalized_name, '')) from case_parties r
        where r.case_id = c.id and r.role = 'respondent' order by r.position limit 1) as respondent_key,
      (select r.name from case_parties r where r.case_id = c.id and r.role = 'respondent' order by r.position limit 1) as respondent_name,
      (select coalesce(json_agg(coalesce(p.id_number_hash, p.phone)), '[]'::json) from case_parties p
        where p.case_id = c.id and p.role = 'applicant' and coalesce(p.id_number_hash, p.phone) is not null) as applicant_keys
    from cases c
    where c.center_id = ${centerId}
      and (c.registered_at >= ${since.toISOString()} or c.status in (${sql.join(
        openStatuses.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    caseNumber: r.case_number as string,
    title: r.title as string,
    category: r.category as string,
    registeredAt: new Date(r.registered_at as string),
    open: openStatuses.includes(r.status as CaseStatus),
    people: Math.max(1, Number(r.people)),
    respondentKey: (r.respondent_key as string | null) ?? null,
    respondentName: (r.respondent_name as string | null) ?? null,
    applicantKeys: (typeof r.applicant_keys === 'string' ? JSON.parse(r.applicant_keys) : r.applicant_keys) as string[],
    text: r.text as string,
  }));
}

/**
 * The township rule's cases: those registered with a township in its window and the weeks of
 * its baseline, in one query (a merged case counts in the case it joined, not twice).
 */
async function spikeCases(db: Database, centerId: string, now: Date): Promise<(SpikeCase & { caseNumber: string; title: string })[]> {
  const since = new Date(now.getTime() - (spikeWindowDays + spikeBaselineWeeks * 7) * 86_400_000);
  const rows = await queryRows(
    db,
    sql`
    select c.id, c.case_number, c.title, c.category, c.township_code, t.name as township_name, c.registered_at,
      (select count(*) from case_parties p where p.case_id = c.id and p.role = 'applicant')::int as people
    from cases c
    join townships t on t.center_id = c.center_id and t.code = c.township_code
    where c.center_id = ${centerId} and c.registered_at >= ${since.toISOString()} and c.status <> 'merged'`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    caseNumber: r.case_number as string,
    title: r.title as string,
    category: r.category as string,
    townshipCode: r.township_code as string,
    townshipName: r.township_name as string,
    registeredAt: new Date(r.registered_at as string),
    people: Math.max(1, Number(r.people)),
  }));
}

/** The running clocks of the center's cases the clock rule looks at, with their cases' numbers. */
function warningClocks(db: Database, centerId: string) {
  return db
    .select({ id: caseClocks.id, caseId: caseClocks.caseId, kind: caseClocks.kind, dueAt: caseClocks.dueAt, caseNumber: casesTable.caseNumber, title: casesTable.title })
    .from(caseClocks)
    .innerJoin(casesTable, eq(casesTable.id, caseClocks.caseId))
    .where(and(eq(caseClocks.centerId, centerId), eq(caseClocks.state, 'running'), inArray(caseClocks.kind, [...caseClockKinds]), sql`${caseClocks.dueAt} is not null`)) as Promise<
    (WarningClock & { caseNumber: string; title: string })[]
  >;
}

/** What was done about the center's warnings: each acknowledgement and disposition, by rule, reference and level. */
/** What an acknowledgement, a disposition or a notice is recorded against: a warning at a level. */
export const warningMarkKey = (w: { rule: string; ref: string; level: string }) => `${w.rule}|${w.ref}|${w.level}`;

async function warningMarks(db: Database, centerId: string) {
  const [acknowledged, disposed] = await Promise.all([
    db
      .select({ rule: warningAcknowledgements.rule, ref: warningAcknowledgements.key, level: warningAcknowledgements.level, at: warningAcknowledgements.acknowledgedAt, byName: users.displayName })
      .from(warningAcknowledgements)
      .leftJoin(users, eq(users.id, warningAcknowledgements.acknowledgedBy))
      .where(eq(warningAcknowledgements.centerId, centerId)),
    db
      .select({ rule: warningDispositions.rule, ref: warningDispositions.key, level: warningDispositions.level, text: warningDispositions.disposition, at: warningDispositions.disposedAt, byName: users.displayName })
      .from(warningDispositions)
      .leftJoin(users, eq(users.id, warningDispositions.disposedBy))
      .where(eq(warningDispositions.centerId, centerId)),
  ]);
  // By rule, reference and level: a center's history of marks grows, the look-ups stay one each.
  const acknowledgements = new Map(acknowledged.map((r) => [warningMarkKey(r), r]));
  const dispositions = new Map(disposed.map((r) => [warningMarkKey(r), r]));
  return {
    acknowledgement: (w: { rule: string; ref: string; level: string }) => {
      const row = acknowledgements.get(warningMarkKey(w));
      return row ? { at: row.at, byName: row.byName } : null;
    },
    disposition: (w: { rule: string; ref: string; level: string }) => {
      const row = dispositions.get(warningMarkKey(w));
      return row ? { text: row.text, at: row.at, byName: row.byName } : null;
    },
  };
}


/**
 * The person-and-matter keys of the center that went through 复核 (the last instance of
 * review): each applicant's key with the respondent's, as the repeat rule groups them.
 */
async function reReviewedMatters(db: Database, centerId: string): Promise<Set<string>> {
  const rows = await queryRows<{ person: string; matter: string }>(
    db,
    sql`select distinct coalesce(a.id_number_hash, a.phone) as person, coalesce(r.credit_code, nullif(r.normalized_name, '')) as matter
      from review_requests rr
      join case_parties a on a.case_id = rr.case_id and a.role = 'applicant'
      join case_parties r on r.case_id = rr.case_id and r.role = 'respondent'
      where rr.center_id = ${centerId} and rr.level = 're_review'
        and coalesce(a.id_number_hash, a.phone) is not null and coalesce(r.credit_code, nullif(r.normalized_name, '')) is not null`,
  );
  return new Set(rows.map((r) => personAndMatterKey(r.person, r.matter)));
}

/**
 * The warnings the center's rules raise on its cases now, each with the cases behind it, its
 * owner (none: the center's directors), and its acknowledgement and disposition at this level.
 */
export async function centerWarnings(db: Database, centerId: string, now: Date) {
  const [cases, clocks, spikes, { settings, owners }, marks, reReviewed] = await Promise.all([
    warningCases(db, centerId, now),
    warningClocks(db, centerId),
    spikeCases(db, centerId, now),
    centerWarningSettings(db, centerId),
    warningMarks(db, centerId),
    reReviewedMatters(db, centerId),
  ]);
  const byId = new Map<string, { caseNumber: string; title: string }>([...cases, ...spikes, ...clocks.map((k) => ({ ...k, id: k.caseId }))].map((c) => [c.id, c]));
  return earlyWarnings({ cases, clocks, spikes, reReviewed }, now, settings).map(({ key, ...w }) => {
    const marked = { rule: w.rule, ref: warningRef(w.rule, key), level: w.level };
    return {
      ...w,
      ref: marked.ref,
      owner: owners[w.rule],
      acknowledgement: marks.acknowledgement(marked),
      disposition: marks.disposition(marked),
      cases: w.caseIds.map((id) => ({ id, caseNumber: byId.get(id)!.caseNumber, title: byId.get(id)!.title })),
    };
  });
}

export type CenterWarning = Awaited<ReturnType<typeof centerWarnings>>[number];

/** The warnings a staff member answers for: a director all of the center's, anyone else those of the rules they own. */
export async function ownedWarnings(db: Database, user: SessionUser, now: Date) {
  if (!user.centerId) throw notFound();
  return (await centerWarnings(db, user.centerId, now)).filter((w) => answersFor(user, w));
}

/** The warning a person acts on now, by its reference (and, when given, the level they saw): theirs to answer, or refused. */
async function warningToAnswer(ctx: ServiceContext, ref: string, level?: WarningLevel) {
  const user = actingUser(ctx);
  if (!user.centerId) throw notFound();
  const warning = (await centerWarnings(ctx.db, user.centerId, ctx.now())).find((w) => w.ref === ref);
  if (!warning) throw notFound();
  if (!answersFor(user, warning)) throw new ServiceError('forbidden', 'warnings.notOwner');
  if (level && warning.level !== level) throw new ServiceError('conflict', 'warnings.levelChanged');
  return { user, centerId: user.centerId, warning };
}

/** 签收 within the caller's transaction; false when it was acknowledged at this level already. */
async function recordAcknowledgement(tx: Database, ctx: ServiceContext, user: SessionUser, centerId: string, warning: CenterWarning): Promise<boolean> {
  const [row] = await tx
    .insert(warningAcknowledgements)
    .values({ centerId, rule: warning.rule, key: warning.ref, level: warning.level, acknowledgedBy: user.id, acknowledgedAt: ctx.now() })
    .onConflictDoNothing()
    .returning({ at: warningAcknowledgements.acknowledgedAt });
  if (!row) return false;
  await writeAudit(tx, { actor: ctx.actor, centerId, action: 'warning.acknowledged', entityType: 'warning', entityId: null, data: { rule: warning.rule, ref: warning.ref, level: warning.level, caseIds: warning.caseIds } });
  return true;
}

/** The owner (or a director) acknowledges a warning at the level they saw (签收): who and when, audited. Once per level. */
export async function acknowledgeWarning(ctx: ServiceContext, input: { ref: string; level: WarningLevel }) {
  const { user, centerId, warning } = await warningToAnswer(ctx, input.ref, input.level);
  return ctx.db.transaction(async (tx) => {
    if (!(await recordAcknowledgement(tx, ctx, user, centerId, warning))) throw new ServiceError('conflict', 'warnings.alreadyAcknowledged');
    return { ref: warning.ref, level: warning.level };
  });
}

/**
 * The owner (or a director) records what was done about a warning (预警处置): it stays on the
 * dashboard, marked with the disposition, until it rises to red. Recording it is also taking it
 * on, so a warning not yet acknowledged is acknowledged with it. Audited.
 */
export async function disposeWarning(ctx: ServiceContext, input: { ref: string; disposition: string }) {
  const { user, centerId, warning } = await warningToAnswer(ctx, input.ref);
  return ctx.db.transaction(async (tx) => {
    await recordAcknowledgement(tx, ctx, user, centerId, warning);
    const [row] = await tx
      .insert(warningDispositions)
      .values({ centerId, rule: warning.rule, key: warning.ref, level: warning.level, disposition: input.disposition, disposedBy: user.id, disposedAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: warningDispositions.id });
    if (!row) throw new ServiceError('conflict', 'dashboard.warningDisposed');
    await writeAudit(tx, {
      actor: ctx.actor,
      centerId,
      action: 'warning.disposed',
      entityType: 'warning',
      entityId: row.id,
      data: { rule: warning.rule, level: warning.level, caseIds: warning.caseIds },
    });
    return { id: row.id };
  });
}
