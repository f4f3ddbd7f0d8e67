import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { openStatuses } from '../domain/case-status';
import { regionWarnings } from '../domain/region-warnings';
import { hashCreditCode } from '../pii';
import { writeAudit } from './audit';
import { centersInRegion } from './case-queries';
import { actingUser, type ServiceContext } from './context';
import { notFound } from './errors';

const creditCode = sql<string>`upper(trim(${caseParties.creditCode}))`;
const openRespondents = (centerIds: string[]) =>
  and(inArray(cases.centerId, centerIds), inArray(cases.status, [...openStatuses]), eq(caseParties.role, 'respondent'), isNotNull(caseParties.creditCode));

/**
 * The region's respondents with open cases in several of its centers: counted per center and
 * matched by the keyed hash of the credit code, so the codes never leave the query's rows.
 */
async function regionFindings(db: Database, user: SessionUser) {
  if (user.role !== 'supervisor' || !user.regionCode) return { centers: [], findings: [], codes: new Map<string, string>() };
  const centers = await centersInRegion(db, user.regionCode);
  if (centers.length === 0) return { centers, findings: [], codes: new Map<string, string>() };
  const rows = await db
    .select({ centerId: cases.centerId, code: creditCode, cases: count(sql`distinct ${cases.id}`) })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(openRespondents(centers.map((c) => c.id)))
    .groupBy(cases.centerId, creditCode);
  const codes = new Map(rows.map((r) => [hashCreditCode(r.code), r.code]));
  const findings = regionWarnings(rows.map((r) => ({ centerId: r.centerId, key: hashCreditCode(r.code), cases: Number(r.cases) })));
  return { centers, findings, codes };
}

/** The supervisor's region warnings: for each respondent, the centers and their counts of open cases — no cases, no names. */
export async function regionWarningList(db: Database, user: SessionUser) {
  const { centers, findings } = await regionFindings(db, user);
  const nameOf = new Map(centers.map((c) => [c.id, c.name]));
  return findings.map((f) => ({ ref: f.key, cases: f.cases, centers: f.centers.map((c) => ({ ...c, name: nameOf.get(c.centerId) ?? '' })) }));
}

/**
 * The supervisor opens one region warning: the open cases behind it in every center, with the
 * respondent's name. An access to several centers' cases, so each center's audit chain records
 * which of its cases were shown, in one transaction with the reading.
 */
export async function openRegionWarning(ctx: ServiceContext, input: { ref: string }) {
  const user = actingUser(ctx);
  const { centers, findings, codes } = await regionFindings(ctx.db, user);
  const finding = findings.find((f) => f.key === input.ref);
  const code = codes.get(input.ref);
  if (!finding || !code) throw notFound();
  const nameOf = new Map(centers.map((c) => [c.id, c.name]));
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .selectDistinctOn([cases.id], { id: cases.id, caseNumber: cases.caseNumber, title: cases.title, centerId: cases.centerId, registeredAt: cases.registeredAt, respondent: caseParties.name })
      .from(cases)
      .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
      .where(and(openRespondents(finding.centers.map((c) => c.centerId)), sql`${creditCode} = ${code}`))
      .orderBy(asc(cases.id));
    for (const { centerId } of finding.centers) {
      const shown = rows.filter((r) => r.centerId === centerId).map((r) => r.id);
      await writeAudit(tx, { actor: ctx.actor, centerId, action: 'warning.region_opened', entityType: 'warning', entityId: null, data: { ref: input.ref, caseIds: shown } });
    }
    return {
      ref: input.ref,
      respondent: rows[0]?.respondent ?? '',
      cases: rows
        .map(({ respondent: _r, ...c }) => ({ ...c, centerName: nameOf.get(c.centerId) ?? '' }))
        .sort((a, b) => a.centerName.localeCompare(b.centerName) || a.registeredAt.getTime() - b.registeredAt.getTime()),
    };
  });
}
