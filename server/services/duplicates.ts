import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases } from '../../db/schema';
import { openStatuses } from '../domain/case-status';
import { duplicateThreshold, normalizeName, scoreDuplicate, textSimilarityFloor, type DuplicateReason } from '../domain/duplicates';

/** What a petition (or a registered case) offers for comparison. */
export interface DuplicateProbe {
  centerId: string;
  idNumberHashes: string[];
  phones: string[];
  respondentName?: string;
  respondentCreditCode?: string;
  text: string;
  excludeCaseId?: string;
  /** Only cases against the same respondent (the repeat check): answered from the index alone. */
  sameRespondentOnly?: boolean;
}

export interface DuplicateCandidate {
  id: string;
  caseNumber: string;
  status: (typeof cases.$inferSelect)['status'];
  title: string;
  registeredAt: Date;
  createdBy: string | null;
  score: number;
  reasons: DuplicateReason[];
}

/** Open cases of the same center that look like the same matter, most alike first. */
export async function findDuplicates(db: Database, probe: DuplicateProbe, limit = 10): Promise<DuplicateCandidate[]> {
  const applicant = eq(caseParties.role, 'applicant');
  const respondent = eq(caseParties.role, 'respondent');
  const never = sql`false`;
  const sameId = probe.idNumberHashes.length ? and(applicant, inArray(caseParties.idNumberHash, probe.idNumberHashes))! : never;
  const samePhone = probe.phones.length ? and(applicant, inArray(caseParties.phone, probe.phones))! : never;
  const respondentMatches: SQL[] = [];
  if (probe.respondentName) respondentMatches.push(eq(caseParties.normalizedName, normalizeName(probe.respondentName)));
  if (probe.respondentCreditCode) respondentMatches.push(eq(caseParties.creditCode, probe.respondentCreditCode));
  const sameRespondent = respondentMatches.length ? and(respondent, or(...respondentMatches))! : never;
  const similarity = sql<number>`similarity(${cases.title} || ' ' || ${cases.description}, ${probe.text})`;
  if (probe.sameRespondentOnly && respondentMatches.length === 0) return [];
  const respondentCases = db
    .select({ caseId: caseParties.caseId })
    .from(caseParties)
    .where(and(eq(caseParties.centerId, probe.centerId), sameRespondent));

  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      title: cases.title,
      registeredAt: cases.registeredAt,
      createdBy: cases.createdBy,
      sameId: sql<boolean>`bool_or(${sameId})`,
      samePhone: sql<boolean>`bool_or(${samePhone})`,
      sameRespondent: sql<boolean>`bool_or(${sameRespondent})`,
      similarity: sql<number>`max(${similarity})`,
    })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(
      and(
        eq(cases.centerId, probe.centerId),
        inArray(cases.status, [...openStatuses]),
        probe.excludeCaseId ? ne(cases.id, probe.excludeCaseId) : undefined,
        probe.sameRespondentOnly ? inArray(cases.id, respondentCases) : undefined,
      ),
    )
    .groupBy(cases.id)
    .having(or(sql`bool_or(${or(sameId, samePhone, sameRespondent)})`, sql`max(${similarity}) >= ${textSimilarityFloor}`))
    // A rough order in SQL keeps the row count small; the domain's score orders precisely.
    .orderBy(
      sql`(bool_or(${sameId})::int * 0.7 + bool_or(${samePhone})::int * 0.5 + bool_or(${sameRespondent})::int * 0.4 + max(${similarity})) desc`,
    )
    .limit(Math.max(limit * 5, 50));

  return rows
    .map(({ sameId: id, samePhone: phone, sameRespondent: resp, similarity: sim, ...row }) => ({
      ...row,
      ...scoreDuplicate({ sameIdNumber: !!id, samePhone: !!phone, sameRespondent: !!resp, textSimilarity: Number(sim) }),
    }))
    .filter((c) => c.score >= duplicateThreshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The probe of a registered case, to find what it duplicates (for the clerk). */
export async function probeOfCase(db: Database, caseId: string): Promise<DuplicateProbe | null> {
  const [row] = await db
    .select({ centerId: cases.centerId, title: cases.title, description: cases.description })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const parties = await db.select().from(caseParties).where(eq(caseParties.caseId, caseId));
  const applicants = parties.filter((p) => p.role === 'applicant');
  const respondentParty = parties.find((p) => p.role === 'respondent');
  return {
    centerId: row.centerId,
    idNumberHashes: applicants.flatMap((a) => (a.idNumberHash ? [a.idNumberHash] : [])),
    phones: applicants.flatMap((a) => (a.phone ? [a.phone] : [])),
    respondentName: respondentParty?.name,
    respondentCreditCode: respondentParty?.creditCode ?? undefined,
    text: `${row.title} ${row.description}`,
    excludeCaseId: caseId,
  };
}
