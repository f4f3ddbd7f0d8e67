import { and, eq, sql } from 'drizzle-orm';
import { caseParties, cases } from '../../db/schema';
import { resolveCaseAccess, type CaseAccess } from '../auth/policy';
import { maxRepresentatives } from '../domain/case-status';
import { normalizeName } from '../domain/duplicates';
import { parseRoster, rosterMaxRows } from '../domain/roster';
import { declaredUnzippedSize } from '../domain/zip-size';
import { rosterCellsFromText } from '../domain/roster-text';
import { sumYuan } from '../domain/agreements';
import { decryptIdNumber, encryptIdNumber, hashIdNumber } from '../pii';
import { recordEvent } from './case-events';
import { ensureCan, lockCase, setStatus } from './case-lock';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { accountsFor, type ApplicantSubmission } from './register-petition';

/**
 * A roster file as rows of cells: an Excel workbook (first sheet) or a CSV — in UTF-8, or in
 * GB18030 as Excel on Chinese Windows saves it. Read by maintained libraries; checked by the
 * same pure rules as a pasted list.
 */
/** A roster of 500 workers fits in well under a megabyte of sheet XML; 20 MB leaves room for formatting. */
const maxUnzippedBytes = 20 * 1024 * 1024;

export async function rosterCells(file: File): Promise<string[][]> {
  const data = Buffer.from(await file.arrayBuffer());
  // A workbook is a zip archive: a small one may unpack to gigabytes, so its declared size is checked first.
  if (data.subarray(0, 2).toString('latin1') === 'PK') {
    const unzipped = declaredUnzippedSize(data);
    if (unzipped === null || unzipped > maxUnzippedBytes) throw new ServiceError('invalid', 'roster.fileTooLarge', { field: 'file' });
    const { readSheet } = await import('read-excel-file/node');
    const rows = await readSheet(data);
    return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell))));
  }
  let text = new TextDecoder('utf-8').decode(data);
  if (text.includes('\uFFFD')) text = new TextDecoder('gb18030').decode(data);
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // A file with a single column is a typed list: one worker per line, read by shape.
  return parsed.data.every((row) => row.length <= 1) ? rosterCellsFromText(text) : parsed.data;
}

/**
 * Checks a roster file against the case before anything is added: each row's problems, and ID
 * numbers already on the case. (A multipart upload: the case is resolved here, not by the router.)
 */
export async function previewRoster(ctx: ServiceContext, caseId: string, file: File) {
  const access = await resolveCaseAccess(ctx.db, actingUser(ctx), caseId);
  if (!access) throw notFound();
  ensureCan(access, 'import_roster');
  if (file.size > 2 * 1024 * 1024) throw new ServiceError('invalid', 'roster.fileTooLarge', { field: 'file' });
  let cells: string[][];
  try {
    cells = await rosterCells(file);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('invalid', 'roster.unreadable', { field: 'file' });
  }
  // A header line and at most the rows one case takes.
  if (cells.filter((row) => row.some((cell) => cell.trim())).length > rosterMaxRows + 1) {
    throw new ServiceError('invalid', 'roster.tooManyRows', { field: 'file', values: { max: rosterMaxRows } });
  }
  const existing = await ctx.db
    .select({ idNumberEncrypted: caseParties.idNumberEncrypted })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, access.caseId), eq(caseParties.role, 'applicant')));
  return parseRoster(cells, { alreadyListed: existing.flatMap((p) => (p.idNumberEncrypted ? [decryptIdNumber(p.idNumberEncrypted)] : [])) });
}

/**
 * Adds workers to a group case (from a pasted list or a checked spreadsheet). A worker already
 * on the case (same ID number) is refused on their row; those with an account by their phone
 * follow the case at once. Says how the claims now add up against the amount in dispute.
 */
export async function addApplicants(ctx: ServiceContext, access: CaseAccess, input: { applicants: ApplicantSubmission[]; expectedVersion: number }) {
  ensureCan(access, 'import_roster');
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'import_roster', input.expectedVersion);
    const existing = await tx
      .select({ idNumberHash: caseParties.idNumberHash, claimedAmount: caseParties.claimedAmount, isRepresentative: caseParties.isRepresentative })
      .from(caseParties)
      .where(and(eq(caseParties.caseId, row.id), eq(caseParties.role, 'applicant')));
    const representatives = existing.filter((e) => e.isRepresentative).length + input.applicants.filter((a) => a.isRepresentative).length;
    if (representatives > maxRepresentatives) throw new ServiceError('invalid', 'validation.tooManyRepresentatives', { field: 'applicants' });
    const hashes = input.applicants.map((a) => (a.idNumber ? hashIdNumber(a.idNumber) : null));
    hashes.forEach((h, i) => {
      if (h && (existing.some((e) => e.idNumberHash === h) || hashes.indexOf(h) !== i)) {
        throw new ServiceError('invalid', 'roster.alreadyListed', { field: `applicants.${i}.idNumber` });
      }
    });
    const accounts = await accountsFor(tx, input.applicants.flatMap((a) => (a.phone ? [a.phone] : [])), user.id);
    const [{ last }] = (await tx.select({ last: sql<number>`coalesce(max(${caseParties.position}), 0)` }).from(caseParties).where(eq(caseParties.caseId, row.id))) as [{ last: number }];
    await tx.insert(caseParties).values(
      input.applicants.map((a, i) => ({
        centerId: row.centerId,
        caseId: row.id,
        userId: a.phone ? (accounts.byPhone.get(a.phone) ?? null) : null,
        role: 'applicant' as const,
        kind: 'person' as const,
        name: a.name,
        normalizedName: normalizeName(a.name),
        phone: a.phone ?? null,
        idNumberHash: hashes[i],
        idNumberEncrypted: a.idNumber ? encryptIdNumber(a.idNumber) : null,
        claimedAmount: a.claimedAmount ?? null,
        isRepresentative: a.isRepresentative,
        position: Number(last) + 1 + i,
      })),
    );
    const total = existing.length + input.applicants.length;
    await recordEvent(tx, ctx, { centerId: row.centerId, caseId: row.id }, { kind: 'applicants_added', payload: { count: input.applicants.length, total } });
    await setStatus(tx, row.id, row.status);
    const [kase] = await tx.select({ amount: cases.amountInDispute }).from(cases).where(eq(cases.id, row.id));
    return {
      added: input.applicants.length,
      total,
      claims: sumYuan([...existing.map((e) => e.claimedAmount), ...input.applicants.map((a) => a.claimedAmount ?? null)]),
      amountInDispute: kase?.amount ?? null,
    };
  });
}
