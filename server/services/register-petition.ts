import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, caseVisits, centers, evidenceFiles, idempotencyKeys, timelineEvents, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { newTrackingCode } from '../domain/case-number';
import type { Channel, PartyKind } from '../domain/case-status';
import { normalizeName, repeatThreshold } from '../domain/duplicates';
import { encryptIdNumber, hashIdNumber } from '../pii';
import { writeAudit } from './audit';
import { nextCaseNumber } from './case-numbers';
import { isCategoryOffered } from './center-config';
import { findDuplicates } from './duplicates';
import { ServiceError } from './errors';

export interface ApplicantSubmission {
  name: string;
  idNumber?: string;
  phone?: string;
  claimedAmount?: string;
  isRepresentative: boolean;
}

export interface PetitionSubmission {
  centerId: string;
  category: string;
  title: string;
  description: string;
  request: string;
  amountInDispute?: string;
  occurredOn?: string;
  location?: string;
  respondent: { kind: PartyKind; name: string; creditCode?: string; phone?: string };
  applicants: ApplicantSubmission[];
  evidenceIds: string[];
  idempotencyKey: string;
}

export interface IntakeDetails {
  channel: Channel;
  inPerson?: boolean;
  sourceAgency?: string;
}

export type RegistrationResult =
  | { kind: 'registered'; id: string; caseNumber: string; trackingCode: string }
  /** The same person already has this matter in progress: where it stands, no new case. */
  | { kind: 'repeat'; id: string; caseNumber: string; status: (typeof cases.$inferSelect)['status'] };

/**
 * Registers a petition as a case: the petitioner's own (online) or one a clerk takes at the
 * window, by phone, from a letter or a transfer. One transaction writes the case, its
 * parties, attached evidence, the first timeline entry, the visit, the audit row and the
 * idempotency key; a retry with the same key returns the first result.
 */
export async function registerPetition(
  db: Database,
  actor: SessionUser,
  input: PetitionSubmission,
  intake: IntakeDetails,
): Promise<RegistrationResult> {
  const applicantIdHashes = input.applicants.map((a) => (a.idNumber ? hashIdNumber(a.idNumber) : null));
  return db.transaction(async (tx) => {
    // Serializes retries of the same submission; the second waits, then finds the first's key.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${actor.id}:${input.idempotencyKey}`}, 0))`);
    const replay = await replayed(tx, actor.id, input.idempotencyKey);
    if (replay) return replay;

    // Staff register petitions for their own center only.
    if (intake.channel !== 'online' && actor.centerId !== input.centerId) throw new ServiceError('forbidden', 'errors.forbidden');
    const [center] = await tx.select({ id: centers.id }).from(centers).where(eq(centers.id, input.centerId));
    if (!center) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'centerId' });
    if (!(await isCategoryOffered(tx, center.id, input.category))) {
      throw new ServiceError('invalid', 'validation.category', { field: 'category' });
    }
    if (intake.channel === 'online') {
      const [account] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
      if (!input.applicants.some((a) => a.phone && a.phone === account?.phone)) {
        throw new ServiceError('invalid', 'validation.applicantSelf', { field: 'applicants.0.phone' });
      }
      const repeat = await ownRepeat(tx, actor, input, applicantIdHashes);
      if (repeat) return repeat;
    }

    const now = new Date();
    const caseNumber = await nextCaseNumber(tx, center.id, now);
    const [created] = await tx
      .insert(cases)
      .values({
        centerId: center.id,
        caseNumber,
        trackingCode: newTrackingCode(),
        status: 'registered',
        category: input.category,
        title: input.title,
        description: input.description,
        request: input.request,
        amountInDispute: input.amountInDispute ?? null,
        occurredOn: input.occurredOn ?? null,
        location: input.location ?? null,
        channel: intake.channel,
        createdBy: actor.id,
        registeredAt: now,
      })
      .returning({ id: cases.id, caseNumber: cases.caseNumber, trackingCode: cases.trackingCode });
    const caseId = created!.id;

    const accounts = await accountsByPhone(tx, input.applicants.flatMap((a) => (a.phone ? [a.phone] : [])));
    await tx.insert(caseParties).values([
      ...input.applicants.map((a, i) => ({
        centerId: center.id,
        caseId,
        userId: a.phone ? (accounts.get(a.phone) ?? null) : null,
        role: 'applicant' as const,
        kind: 'person' as const,
        name: a.name,
        normalizedName: normalizeName(a.name),
        phone: a.phone ?? null,
        idNumberHash: applicantIdHashes[i],
        idNumberEncrypted: a.idNumber ? encryptIdNumber(a.idNumber) : null,
        claimedAmount: a.claimedAmount ?? null,
        isRepresentative: a.isRepresentative,
      })),
      {
        centerId: center.id,
        caseId,
        role: 'respondent' as const,
        kind: input.respondent.kind,
        name: input.respondent.name,
        normalizedName: normalizeName(input.respondent.name),
        phone: input.respondent.phone ?? null,
        creditCode: input.respondent.creditCode ?? null,
      },
    ]);

    const evidenceCount = await attachEvidence(tx, actor.id, center.id, caseId, input.evidenceIds);
    await tx.insert(timelineEvents).values({
      centerId: center.id,
      caseId,
      kind: 'registered',
      visibility: 'parties',
      actorId: actor.id,
      body: { channel: intake.channel, applicants: input.applicants.length, evidence: evidenceCount, sourceAgency: intake.sourceAgency ?? null },
      createdAt: now,
    });
    if (intake.inPerson || intake.channel === 'walk_in') {
      await tx.insert(caseVisits).values({ centerId: center.id, caseId, recordedBy: actor.id, visitedAt: now });
    }
    await tx.insert(idempotencyKeys).values({ userId: actor.id, key: input.idempotencyKey, caseId });
    await writeAudit(tx, {
      actorId: actor.id,
      centerId: center.id,
      action: 'case.register',
      entityType: 'case',
      entityId: caseId,
      data: { caseNumber, channel: intake.channel, applicants: input.applicants.length, evidence: evidenceCount },
    });
    return { kind: 'registered', id: caseId, caseNumber: created!.caseNumber, trackingCode: created!.trackingCode };
  });
}

async function replayed(tx: Database, userId: string, key: string): Promise<RegistrationResult | null> {
  const [row] = await tx
    .select({ id: cases.id, caseNumber: cases.caseNumber, trackingCode: cases.trackingCode, status: cases.status, createdBy: cases.createdBy })
    .from(idempotencyKeys)
    .innerJoin(cases, eq(cases.id, idempotencyKeys.caseId))
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  return row.createdBy === userId
    ? { kind: 'registered', id: row.id, caseNumber: row.caseNumber, trackingCode: row.trackingCode }
    : { kind: 'repeat', id: row.id, caseNumber: row.caseNumber, status: row.status };
}

/**
 * A petitioner's online submission that matches an open case they filed themselves, about
 * the same respondent in much the same words, is a repeat: they get where it stands.
 */
async function ownRepeat(
  tx: Database,
  actor: SessionUser,
  input: PetitionSubmission,
  idHashes: (string | null)[],
): Promise<RegistrationResult | null> {
  const candidates = await findDuplicates(tx, {
    centerId: input.centerId,
    idNumberHashes: idHashes.filter((h): h is string => !!h),
    phones: input.applicants.flatMap((a) => (a.phone ? [a.phone] : [])),
    respondentName: input.respondent.name,
    respondentCreditCode: input.respondent.creditCode,
    text: `${input.title} ${input.description}`,
  });
  const repeat = candidates.find((c) => c.createdBy === actor.id && c.score >= repeatThreshold && c.reasons.includes('same_respondent'));
  if (!repeat) return null;
  await tx.insert(timelineEvents).values({
    centerId: input.centerId,
    caseId: repeat.id,
    kind: 'repeat_petition',
    visibility: 'parties',
    actorId: actor.id,
    body: { title: input.title },
  });
  await tx.insert(idempotencyKeys).values({ userId: actor.id, key: input.idempotencyKey, caseId: repeat.id });
  await writeAudit(tx, { actorId: actor.id, centerId: input.centerId, action: 'case.repeat_petition', entityType: 'case', entityId: repeat.id });
  return { kind: 'repeat', id: repeat.id, caseNumber: repeat.caseNumber, status: repeat.status };
}

/** Petitioner accounts by their (SMS-verified) phone: such an applicant can follow the case. */
async function accountsByPhone(tx: Database, phones: string[]): Promise<Map<string, string>> {
  if (phones.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(and(inArray(users.phone, phones), eq(users.role, 'petitioner'), eq(users.status, 'active')));
  return new Map(rows.map((r) => [r.phone!, r.id]));
}

/** Files the actor uploaded for this form and not yet attached anywhere. */
async function attachEvidence(tx: Database, actorId: string, centerId: string, caseId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const attached = await tx
    .update(evidenceFiles)
    .set({ caseId, centerId, attachedAt: new Date() })
    .where(and(inArray(evidenceFiles.id, ids), eq(evidenceFiles.uploadedBy, actorId), isNull(evidenceFiles.caseId)))
    .returning({ id: evidenceFiles.id });
  if (attached.length !== new Set(ids).size) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'evidenceIds' });
  return attached.length;
}
