import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, documents } from '../../db/schema';
import { can, type CaseAccess } from '../auth/policy';
import { localDateOf } from '../domain/calendar';
import type { CaseSnapshot } from '../domain/document-content';
import { contentHash, isErasedDocument, maskContacts, maskName, type DocumentKind } from '../domain/documents';
import { decryptIdNumber } from '../pii';
import { recordEvent, type CaseRef } from './case-events';
import type { ServiceContext } from './context';
import { notFound } from './errors';

/** The case as documents need it: full names and ID numbers (documents go to courts and bodies). */
export async function caseSnapshot(db: Database, target: CaseRef): Promise<CaseSnapshot> {
  const [row] = await db
    .select({
      caseNumber: cases.caseNumber,
      centerName: centers.name,
      title: cases.title,
      description: cases.description,
      request: cases.request,
      amountInDispute: cases.amountInDispute,
      track: cases.track,
      receivedAt: cases.receivedAt,
    })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(and(eq(cases.id, target.caseId), eq(cases.centerId, target.centerId)));
  if (!row) throw notFound();
  const parties = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, target.caseId), eq(caseParties.centerId, target.centerId)))
    .orderBy(asc(caseParties.position), asc(caseParties.createdAt));
  return {
    ...row,
    receivedOn: localDateOf(row.receivedAt),
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumberEncrypted ? decryptIdNumber(p.idNumberEncrypted) : null,
      phone: p.phone,
      creditCode: p.creditCode,
      isRepresentative: p.isRepresentative,
      claimedAmount: p.claimedAmount,
    })),
  };
}

/**
 * Stores a generated document with the hash of its canonical content, and records it on the
 * case (the event carries the hash; its audit row is written with it).
 */
export async function storeDocument(
  tx: Database,
  ctx: ServiceContext,
  target: CaseRef,
  document: { kind: DocumentKind; content: unknown; partyId?: string | null; partyName?: string | null },
) {
  const hash = contentHash(document.content);
  const [row] = await tx
    .insert(documents)
    .values({
      centerId: target.centerId,
      caseId: target.caseId,
      kind: document.kind,
      partyId: document.partyId ?? null,
      content: document.content as object,
      contentHash: hash,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      createdAt: ctx.now(),
    })
    .returning({ id: documents.id });
  await recordEvent(tx, ctx, { centerId: target.centerId, caseId: target.caseId }, {
    kind: 'document_generated',
    payload: { documentId: row!.id, document: document.kind, hash, partyName: document.partyName ?? null },
  });
  return { id: row!.id, hash };
}

/** The case's documents the caller may print: all for those who work the case; a party's own and the shared ones for a party. */
export async function listDocuments(db: Database, access: CaseAccess) {
  const rows = await db
    .select({ id: documents.id, kind: documents.kind, partyId: documents.partyId, contentHash: documents.contentHash, createdAt: documents.createdAt, partyName: caseParties.name })
    .from(documents)
    .leftJoin(caseParties, eq(caseParties.id, documents.partyId))
    .where(and(eq(documents.caseId, access.caseId), eq(documents.centerId, access.centerId)))
    .orderBy(asc(documents.createdAt));
  return rows.filter((d) => mayRead(access, d.partyId));
}

function mayRead(access: CaseAccess, partyId: string | null) {
  if (access.relation.kind !== 'party') return access.relation.kind !== 'supervisor' || partyId === null;
  return partyId === null || access.relation.partyIds.includes(partyId);
}

/**
 * One document for printing, as generated — with ID numbers and phones masked unless the caller
 * may reveal contacts or the document is their own (a worker's payment order): the agreement a
 * worker reads lists every co-worker.
 */
export async function readDocument(db: Database, access: CaseAccess, documentId: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.caseId, access.caseId), eq(documents.centerId, access.centerId)));
  if (!row || !mayRead(access, row.partyId)) throw notFound();
  const own = access.relation.kind === 'party' && row.partyId !== null && access.relation.partyIds.includes(row.partyId);
  const content = can(access, 'reveal_contact') || own ? row.content : maskContacts(row.content);
  return { id: row.id, kind: row.kind, content: content as Record<string, unknown>, hash: row.contentHash, createdAt: row.createdAt, canServe: can(access, 'record_service') };
}

/**
 * The public check of a printed document (/verify/<id>): whether the record exists, whether
 * the hash on the paper is the record's, and what the paper is — kind, case number, date and
 * masked names, nothing more.
 */
export async function verifyDocument(db: Database, documentId: string, claimedHash: string | undefined) {
  const [row] = await db
    .select({ kind: documents.kind, content: documents.content, contentHash: documents.contentHash, createdAt: documents.createdAt, caseNumber: cases.caseNumber })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .where(eq(documents.id, documentId));
  if (!row) return { found: false as const };
  // The stored content is hashed again, so a record altered in the database does not match
  // either; once erased at the end of retention, only the hash on record is left to compare.
  const erased = isErasedDocument(row.content);
  const intact = erased || contentHash(row.content) === row.contentHash;
  const matches = intact && (claimedHash === undefined || claimedHash.toLowerCase() === row.contentHash);
  return {
    found: true as const,
    matches,
    kind: row.kind,
    caseNumber: row.caseNumber,
    issuedAt: row.createdAt,
    hash: row.contentHash,
    erased,
    names: namesIn(row.content).map(maskName),
  };
}

/** The people and organizations a document names, for its masked summary. */
function namesIn(content: unknown): string[] {
  const names = new Set<string>();
  const visit = (v: unknown, key?: string) => {
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.name === 'string') names.add(o.name);
      for (const [k, x] of Object.entries(o)) if (k !== 'name') visit(x, k);
    } else if (typeof v === 'string' && (key === 'applicants' || key === 'respondents' || key === 'party')) names.add(v);
  };
  visit(content);
  return [...names];
}

