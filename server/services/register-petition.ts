import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseClocks, caseParties, cases, caseVisits, centerCategories, centers, evidenceFiles, idempotencyKeys, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { daysBetween, localDateOf, startOfLocalDay } from '../domain/calendar';
import { newTrackingCode } from '../domain/case-number';
import { categories as defaultCategories, openStatuses, type Channel, type PartyKind } from '../domain/case-status';
import { normalizeName, repeatThreshold, scoreDuplicate } from '../domain/duplicates';
import { encryptIdNumber, hashIdNumber } from '../pii';
import { sendReceipt } from '../notify/receipt';
import { recordEvent } from './case-events';
import { nextCaseNumber } from './case-numbers';
import { startClock } from './clocks';
import { actingUser, type ServiceContext } from './context';
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
  /** The day a letter or a transfer reached the center (clocks start here); otherwise now. */
  receivedOn?: string;
}

/** How far back a clerk may date a letter's receipt: older mail is registered with a note, not back-dated. */
const maxReceiptAgeDays = 365;

export type RegistrationResult =
  | { kind: 'registered'; id: string; caseNumber: string; trackingCode: string; acceptanceDueAt: Date | null }
  /** The same person already has this matter in progress: where it stands, no new case. */
  | { kind: 'repeat'; id: string; caseNumber: string; status: (typeof cases.$inferSelect)['status'] };

/**
 * Registers a petition as a case: the petitioner's own (online) or one a clerk takes at the
 * window, by phone, from a letter or a transfer. One transaction writes the case, its
 * parties, attached evidence, the first timeline entry, the visit, the audit row and the
 * idempotency key; a retry with the same key returns the first result.
 */
export async function registerPetition(ctx: ServiceContext, input: PetitionSubmission, intake: IntakeDetails): Promise<RegistrationResult> {
  const actor = actingUser(ctx);
  const applicantIdHashes = input.applicants.map((a) => (a.idNumber ? hashIdNumber(a.idNumber) : null));
  const receivedAt = receiptInstant(intake, ctx.now());
  // A retry after the first attempt committed: its result, without doing the work again.
  const earlier = await replayed(ctx.db, actor.id, input.idempotencyKey);
  if (earlier) return earlier;
  try {
    return await ctx.db.transaction((tx) => registerInTransaction(tx, ctx, actor, input, intake, applicantIdHashes, receivedAt));
  } catch (error) {
    // A concurrent twin committed first: answer with what it registered.
    if (error instanceof RaceLost) return (await replayed(ctx.db, actor.id, input.idempotencyKey))!;
    throw error;
  }
}

/**
 * When the center received the matter: the date a clerk enters for a letter or a transfer
 * (not in the future, not more than a year back), else the moment of registration.
 */
function receiptInstant(intake: IntakeDetails, now: Date): Date {
  if (!intake.receivedOn || (intake.channel !== 'letter' && intake.channel !== 'transfer')) return now;
  const today = localDateOf(now);
  const age = daysBetween(intake.receivedOn, today);
  if (age < 0 || age > maxReceiptAgeDays) {
    throw new ServiceError('invalid', 'validation.receivedOnRange', { field: 'receivedOn', values: { days: maxReceiptAgeDays } });
  }
  // Noon of the day: the day itself is what counts (the start day is not counted), never its hour.
  return new Date(startOfLocalDay(intake.receivedOn).getTime() + 12 * 3600_000);
}

class RaceLost extends Error {}

async function registerInTransaction(
  tx: Database,
  ctx: ServiceContext,
  actor: SessionUser,
  input: PetitionSubmission,
  intake: IntakeDetails,
  applicantIdHashes: (string | null)[],
  receivedAt: Date,
): Promise<RegistrationResult> {
  // Staff register petitions for their own center only.
  if (intake.channel !== 'online' && actor.centerId !== input.centerId) throw new ServiceError('forbidden', 'errors.forbidden');
  const center = await intakeCenter(tx, input.centerId, input.category);
  if (!center) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'centerId' });
  if (!center.offersCategory) throw new ServiceError('invalid', 'validation.category', { field: 'category' });
  const accounts = await accountsFor(tx, input.applicants.flatMap((a) => (a.phone ? [a.phone] : [])), actor.id);
  if (intake.channel === 'online') {
    const ownPhone = accounts.actorPhone;
    if (!input.applicants.some((a) => a.phone && a.phone === ownPhone)) {
      throw new ServiceError('invalid', 'validation.applicantSelf', { field: 'applicants.0.phone' });
    }
    const repeat = await ownRepeat(tx, ctx, actor, input);
    if (repeat) return repeat;
  }

  const now = ctx.now();
  const [created] = await tx
    .insert(cases)
    .values({
      centerId: center.id,
      // Numbered at the very end: the center's counter row stays locked from then until
      // commit, so everything else is written before it is taken.
      caseNumber: `pending-${idempotencyKeyHash(actor.id, input.idempotencyKey)}`,
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
      receivedAt,
    })
    .returning({ id: cases.id, trackingCode: cases.trackingCode });
  const caseId = created!.id;

  await tx.insert(caseParties).values([
    ...input.applicants.map((a, i) => ({
      centerId: center.id,
      caseId,
      userId: a.phone ? (accounts.byPhone.get(a.phone) ?? null) : null,
      role: 'applicant' as const,
      kind: 'person' as const,
      name: a.name,
      normalizedName: normalizeName(a.name),
      phone: a.phone ?? null,
      idNumberHash: applicantIdHashes[i],
      idNumberEncrypted: a.idNumber ? encryptIdNumber(a.idNumber) : null,
      claimedAmount: a.claimedAmount ?? null,
      isRepresentative: a.isRepresentative,
      position: i,
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
      position: input.applicants.length,
    },
  ]);

  const evidenceCount = await attachEvidence(tx, actor.id, center.id, caseId, input.evidenceIds);
  const target = { centerId: center.id, caseId };
  await recordEvent(tx, ctx, target, {
    kind: 'registered',
    payload: {
      channel: intake.channel,
      applicants: input.applicants.length,
      evidence: evidenceCount,
      sourceAgency: intake.sourceAgency ?? null,
      receivedAt: receivedAt.toISOString(),
      registeredFor: intake.channel === 'online' ? null : input.applicants[0]!.name,
    },
  });
  const acceptanceClock = await startClock(tx, target, 'acceptance', null, receivedAt);
  if (intake.inPerson || intake.channel === 'walk_in') {
    await tx.insert(caseVisits).values({ centerId: center.id, caseId, recordedBy: actor.id, visitedAt: now });
  }
  // The key's primary key makes a concurrent twin wait here for this one's commit, then lose.
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ userId: actor.id, key: input.idempotencyKey, centerId: center.id, caseId })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) throw new RaceLost();
  const caseNumber = await nextCaseNumber(tx, center.id, center.regionCode, now);
  await tx.update(cases).set({ caseNumber }).where(eq(cases.id, caseId));
  const acceptanceDueAt = acceptanceClock?.dueAt ?? null;
  await sendReceipt(tx, {
    phones: input.applicants.flatMap((a) => (a.phone ? [a.phone] : [])),
    caseNumber,
    trackingCode: created!.trackingCode,
    acceptanceDueAt,
  });
  return { kind: 'registered', id: caseId, caseNumber, trackingCode: created!.trackingCode, acceptanceDueAt };
}

async function replayed(tx: Database, userId: string, key: string): Promise<RegistrationResult | null> {
  const [row] = await tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      trackingCode: cases.trackingCode,
      status: cases.status,
      createdBy: cases.createdBy,
      acceptanceDueAt: sql<string | null>`(select ${caseClocks.dueAt} from ${caseClocks} where ${caseClocks.caseId} = ${cases.id} and ${caseClocks.kind} = 'acceptance' order by ${caseClocks.createdAt} limit 1)`,
    })
    .from(idempotencyKeys)
    .innerJoin(cases, eq(cases.id, idempotencyKeys.caseId))
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  return row.createdBy === userId
    ? { kind: 'registered', id: row.id, caseNumber: row.caseNumber, trackingCode: row.trackingCode, acceptanceDueAt: row.acceptanceDueAt ? new Date(row.acceptanceDueAt) : null }
    : { kind: 'repeat', id: row.id, caseNumber: row.caseNumber, status: row.status };
}

/**
 * A petitioner's online submission about the same respondent as an open case they filed
 * themselves, in much the same words, is a repeat: they get where it stands.
 */
async function ownRepeat(tx: Database, ctx: ServiceContext, actor: SessionUser, input: PetitionSubmission): Promise<RegistrationResult | null> {
  const text = `${input.title} ${input.description}`;
  const respondent = or(
    eq(caseParties.normalizedName, normalizeName(input.respondent.name)),
    input.respondent.creditCode ? eq(caseParties.creditCode, input.respondent.creditCode) : undefined,
  );
  // Indexed on the respondent; only this person's own open cases against them are compared.
  const candidates = await tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      similarity: sql<number>`similarity(${cases.title} || ' ' || ${cases.description}, ${text})`,
    })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .where(
      and(
        eq(caseParties.centerId, input.centerId),
        eq(caseParties.role, 'respondent'),
        respondent,
        eq(cases.createdBy, actor.id),
        inArray(cases.status, [...openStatuses]),
      ),
    );
  const repeat = candidates
    .map((c) => ({ ...c, ...scoreDuplicate({ sameIdNumber: false, samePhone: true, sameRespondent: true, textSimilarity: Number(c.similarity) }) }))
    .filter((c) => c.score >= repeatThreshold && c.reasons.includes('similar_text'))
    .sort((a, b) => b.score - a.score)[0];
  if (!repeat) return null;
  await recordEvent(tx, ctx, { centerId: input.centerId, caseId: repeat.id }, { kind: 'repeat_petition', payload: { title: input.title } });
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ userId: actor.id, key: input.idempotencyKey, centerId: input.centerId, caseId: repeat.id })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) throw new RaceLost();
  return { kind: 'repeat', id: repeat.id, caseNumber: repeat.caseNumber, status: repeat.status };
}

/** The center, its region and whether it offers the category, in one round trip. */
async function intakeCenter(tx: Database, centerId: string, category: string) {
  const [row] = await tx
    .select({
      id: centers.id,
      regionCode: centers.regionCode,
      configured: sql<boolean>`exists (select 1 from ${centerCategories} where ${centerCategories.centerId} = ${centers.id})`,
      offered: sql<boolean>`exists (select 1 from ${centerCategories} where ${centerCategories.centerId} = ${centers.id} and ${centerCategories.code} = ${category} and ${centerCategories.active})`,
    })
    .from(centers)
    .where(eq(centers.id, centerId));
  if (!row) return null;
  // A center that configured nothing offers the defaults.
  const offersCategory = row.configured ? row.offered : (defaultCategories as readonly string[]).includes(category);
  return { id: row.id, regionCode: row.regionCode, offersCategory };
}

/**
 * Petitioner accounts by their (SMS-verified) phone, so such an applicant can follow the case;
 * and the submitter's own phone. One round trip.
 */
export async function accountsFor(tx: Database, phones: string[], actorId: string) {
  const rows = await tx
    .select({ id: users.id, phone: users.phone, role: users.role, status: users.status })
    .from(users)
    .where(or(eq(users.id, actorId), phones.length ? inArray(users.phone, phones) : undefined));
  const byPhone = new Map(
    rows.filter((r) => r.phone && r.role === 'petitioner' && r.status === 'active').map((r) => [r.phone!, r.id]),
  );
  return { byPhone, actorPhone: rows.find((r) => r.id === actorId)?.phone ?? null };
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

function idempotencyKeyHash(userId: string, key: string): string {
  return createHash('sha256').update(`${userId}:${key}`).digest('hex').slice(0, 32);
}
