import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import { users, warningDispositions } from '../../db/schema';
import type { CaseStatus } from '../domain/case-status';
import { openStatuses } from '../domain/case-status';
import { earlyWarnings, type WarningCase } from '../domain/warnings';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { dashboardCenter } from './dashboard-center';
import { notFound, ServiceError } from './errors';

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
 * A warning's reference: a hash of its rule and key, so what a key is made of (a person's ID
 * number hash or phone, for a repeat) is neither sent to the page nor stored with the disposition.
 */
const warningRef = (w: { rule: string; key: string }) => createHash('sha256').update(`${w.rule}\u0000${w.key}`).digest('hex');

/** The warnings the rules raise on the center's cases now, each with the cases behind it and its disposition at this level. */
export async function centerWarnings(db: Database, centerId: string, now: Date) {
  const [cases, disposed] = await Promise.all([
    warningCases(db, centerId, now),
    db
      .select({ rule: warningDispositions.rule, ref: warningDispositions.key, level: warningDispositions.level, disposition: warningDispositions.disposition, disposedAt: warningDispositions.disposedAt, disposedByName: users.displayName })
      .from(warningDispositions)
      .leftJoin(users, eq(users.id, warningDispositions.disposedBy))
      .where(eq(warningDispositions.centerId, centerId)),
  ]);
  const byId = new Map(cases.map((c) => [c.id, c]));
  return earlyWarnings(cases, now).map(({ key, ...w }) => {
    const ref = warningRef({ rule: w.rule, key });
    const done = disposed.find((d) => d.rule === w.rule && d.ref === ref && d.level === w.level);
    return {
      ...w,
      ref,
      disposition: done ? { text: done.disposition, at: done.disposedAt, byName: done.disposedByName } : null,
      cases: w.caseIds.map((id) => ({ id, caseNumber: byId.get(id)!.caseNumber, title: byId.get(id)!.title })),
    };
  });
}

/**
 * The director records what was done about a warning (预警处置): it stays on the dashboard,
 * marked with the disposition, until it rises to red. Audited.
 */
export async function disposeWarning(ctx: ServiceContext, input: { ref: string; disposition: string }) {
  const user = actingUser(ctx);
  const center = await dashboardCenter(ctx.db, user);
  const warning = (await centerWarnings(ctx.db, center.id, ctx.now())).find((w) => w.ref === input.ref);
  if (!warning) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(warningDispositions)
      .values({ centerId: center.id, rule: warning.rule, key: warning.ref, level: warning.level, disposition: input.disposition, disposedBy: user.id, disposedAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: warningDispositions.id });
    if (!row) throw new ServiceError('conflict', 'dashboard.warningDisposed');
    await writeAudit(tx, {
      actor: { kind: 'user', user },
      centerId: center.id,
      action: 'warning.disposed',
      entityType: 'warning',
      entityId: row.id,
      data: { rule: warning.rule, level: warning.level, caseIds: warning.caseIds },
    });
    return { id: row.id };
  });
}
