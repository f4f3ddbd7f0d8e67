import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import { caseParties, cases, reviewRequests } from '../../db/schema';
import type { CaseStatus } from '../domain/case-status';
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
}

export interface DuplicateCandidate {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  title: string;
  registeredAt: Date;
  createdBy: string | null;
  score: number;
  reasons: DuplicateReason[];
}

interface SignalRow extends Record<string, unknown> {
  probe: number;
  id: string;
  case_number: string;
  status: CaseStatus;
  title: string;
  registered_at: string | Date;
  created_by: string | null;
  same_id: boolean;
  same_phone: boolean;
  same_respondent: boolean;
  sim: number | string;
}

/**
 * Open cases of the same center that look like the same matter as each probe, most alike
 * first: every probe in ONE query (the intake queue asks for a whole page at once). SQL
 * gathers the signals and a rough order; the domain's score decides.
 */
export async function findDuplicatesBatch(db: Database, probes: DuplicateProbe[], limit = 10): Promise<DuplicateCandidate[][]> {
  if (probes.length === 0) return [];
  const rows = probes.map((p, i) => ({
    probe: i,
    center_id: p.centerId,
    id_hashes: p.idNumberHashes,
    phones: p.phones,
    respondent_name: p.respondentName ? normalizeName(p.respondentName) : null,
    credit_code: p.respondentCreditCode ?? null,
    body: p.text,
    exclude_id: p.excludeCaseId ?? null,
  }));
  const open = sql.join(openStatuses.map((s) => sql`${s}`), sql`, `);
  const result = await queryRows<SignalRow>(db, sql`
    with probe as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as p(probe int, center_id uuid, id_hashes text[], phones text[], respondent_name text, credit_code text, body text, exclude_id uuid)
    ),
    signals as (
      select p.probe, c.id, c.case_number, c.status, c.title, c.registered_at, c.created_by,
        bool_or(cp.role = 'applicant' and cp.id_number_hash = any(p.id_hashes)) as same_id,
        bool_or(cp.role = 'applicant' and cp.phone = any(p.phones)) as same_phone,
        bool_or(cp.role = 'respondent' and (cp.normalized_name = p.respondent_name or cp.credit_code = p.credit_code)) as same_respondent,
        max(similarity(c.title || ' ' || c.description, p.body)) as sim
      from probe p
      join ${cases} c on c.center_id = p.center_id and c.id is distinct from p.exclude_id
        -- Open cases, and the few matters already re-reviewed (a new petition on one is not accepted again).
        and (c.status in (${open}) or c.id in (select rr.case_id from ${reviewRequests} rr where rr.center_id = p.center_id and rr.level = 're_review' and rr.decided_on is not null))
      join ${caseParties} cp on cp.case_id = c.id
      group by p.probe, c.id
    ),
    ranked as (
      select s.*, row_number() over (partition by s.probe order by
        (s.same_id::int * 0.7 + s.same_phone::int * 0.5 + s.same_respondent::int * 0.4 + s.sim) desc) as rank
      from signals s
      where s.same_id or s.same_phone or s.same_respondent or s.sim >= ${textSimilarityFloor}
    )
    select * from ranked where rank <= ${Math.max(limit * 5, 50)}
  `);
  const byProbe: DuplicateCandidate[][] = probes.map(() => []);
  for (const r of result) {
    const scored = scoreDuplicate({ sameIdNumber: !!r.same_id, samePhone: !!r.same_phone, sameRespondent: !!r.same_respondent, textSimilarity: Number(r.sim) });
    if (scored.score < duplicateThreshold) continue;
    byProbe[Number(r.probe)]!.push({
      id: r.id,
      caseNumber: r.case_number,
      status: r.status,
      title: r.title,
      registeredAt: new Date(r.registered_at),
      createdBy: r.created_by,
      ...scored,
    });
  }
  return byProbe.map((list) => list.sort((a, b) => b.score - a.score).slice(0, limit));
}

export async function findDuplicates(db: Database, probe: DuplicateProbe, limit = 10): Promise<DuplicateCandidate[]> {
  return (await findDuplicatesBatch(db, [probe], limit))[0]!;
}

/** The probes of registered cases, to find what each duplicates (for the clerk): one query for all. */
export async function probesOfCases(db: Database, caseIds: string[]): Promise<Map<string, DuplicateProbe>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({
      caseId: cases.id,
      centerId: cases.centerId,
      title: cases.title,
      description: cases.description,
      role: caseParties.role,
      idNumberHash: caseParties.idNumberHash,
      phone: caseParties.phone,
      name: caseParties.name,
      creditCode: caseParties.creditCode,
    })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(inArray(cases.id, caseIds));
  const probes = new Map<string, DuplicateProbe>();
  for (const r of rows) {
    let probe = probes.get(r.caseId);
    if (!probe) {
      probe = { centerId: r.centerId, idNumberHashes: [], phones: [], text: `${r.title} ${r.description}`, excludeCaseId: r.caseId };
      probes.set(r.caseId, probe);
    }
    if (r.role === 'applicant') {
      if (r.idNumberHash) probe.idNumberHashes.push(r.idNumberHash);
      if (r.phone) probe.phones.push(r.phone);
    } else {
      probe.respondentName = r.name;
      probe.respondentCreditCode = r.creditCode ?? undefined;
    }
  }
  return probes;
}
