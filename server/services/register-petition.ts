import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { failedRequirement, onOneConnection, violatesUnique, type Database } from '../../db/client';
import { placeholdersFor, preparedOneStatement } from '../../db/flight';
import { preparedPerHandle } from '../../db/prepared';
import { caseClocks, caseParties, cases, caseVisits, centerCategories, centers, evidenceFiles, idempotencyKeys, townships, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { daysBetween, localDateOf, startOfLocalDay } from '../domain/calendar';
import { newTrackingCode } from '../domain/case-number';
import { categories as defaultCategories, openStatuses, type Channel, type PartyKind } from '../domain/case-status';
import { normalizeName, repeatThreshold, scoreDuplicate } from '../domain/duplicates';
import { encryptIdNumber, hashIdNumber } from '../pii';
import { receiptText } from '../notify/receipt';
import { eventInserts, eventRows, recordEvent } from './case-events';
import { caseNumbering, numberingOf, receiptMessages } from './case-numbers';
import { clockRow, clockRuleFor, loadCalendar } from './clocks';
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
  /** One of the center's townships (乡级区划代码). */
  townshipCode?: string;
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
 * window, by phone, from a letter or a transfer. One statement (its own transaction) numbers
 * the case and writes it, its parties, attached evidence, the first timeline entry, the
 * acceptance clock, the visit, the audit row, the receipts and the idempotency key; a retry
 * with the same key returns the first result.
 *
 * On PostgreSQL it takes two round trips: every read the write depends on, together on one
 * connection, then the write. The counter row is locked only while that statement runs.
 */
export async function registerPetition(ctx: ServiceContext, input: PetitionSubmission, intake: IntakeDetails): Promise<RegistrationResult> {
  const actor = actingUser(ctx);
  const receivedAt = receiptInstant(intake, ctx.now());
  // Staff register petitions for their own center only.
  if (intake.channel !== 'online' && actor.centerId !== input.centerId) throw new ServiceError('forbidden', 'errors.forbidden');
  try {
    return await register(ctx, actor, input, intake, receivedAt);
  } catch (error) {
    // A concurrent twin committed first: answer with what it registered.
    if (error instanceof RaceLost || violatesUnique(error, 'idempotency_keys_user_id_key_pk')) return (await replayed(ctx.db, actor.id, input.idempotencyKey))!;
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

async function register(
  ctx: ServiceContext,
  actor: SessionUser,
  input: PetitionSubmission,
  intake: IntakeDetails,
  receivedAt: Date,
): Promise<RegistrationResult> {
  const phones = input.applicants.flatMap((a) => (a.phone ? [a.phone] : []));
  const evidenceIds = [...new Set(input.evidenceIds)];
  // Every read the write depends on, sent together on one connection: one round trip.
  const [earlier, center, accounts, repeatCandidates, acceptanceRule, calendar, evidence] = await onOneConnection(ctx.db, (db) =>
    Promise.all([
      // A retry after the first attempt committed: its result, without doing the work again.
      replayed(db, actor.id, input.idempotencyKey),
      intakeCenter(db, input.centerId, input.category, input.townshipCode),
      accountsFor(db, phones, actor.id),
      intake.channel === 'online' ? ownOpenCasesAgainst(db, actor, input) : Promise.resolve([]),
      clockRuleFor(db, input.centerId, 'acceptance', null),
      loadCalendar(db),
      // Files the actor uploaded for this form and not yet attached anywhere (the write checks again).
      evidenceIds.length ? attachableQuery(db).execute({ ids: evidenceIds, uploadedBy: actor.id }) : Promise.resolve([]),
    ]),
  );
  if (earlier) return earlier;
  if (evidence.length !== evidenceIds.length) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'evidenceIds' });
  if (!center) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'centerId' });
  if (!center.offersCategory) throw new ServiceError('invalid', 'validation.category', { field: 'category' });
  if (!center.hasTownship) throw new ServiceError('invalid', 'validation.township', { field: 'townshipCode' });
  if (intake.channel === 'online') {
    if (!input.applicants.some((a) => a.phone && a.phone === accounts.actorPhone)) {
      throw new ServiceError('invalid', 'validation.applicantSelf', { field: 'applicants.0.phone' });
    }
    const repeat = closestRepeat(repeatCandidates);
    if (repeat) return ctx.db.transaction((tx) => answerRepeat(tx, ctx, actor, input, repeat));
  }

  const now = ctx.now();
  const caseId = randomUUID();
  const trackingCode = newTrackingCode();
  const target = { centerId: center.id, caseId };
  const event = eventRows(ctx, target, {
    kind: 'registered',
    payload: {
      channel: intake.channel,
      applicants: input.applicants.length,
      evidence: evidenceIds.length,
      sourceAgency: intake.sourceAgency ?? null,
      receivedAt: receivedAt.toISOString(),
      registeredFor: intake.channel === 'online' ? null : input.applicants[0]!.name,
    },
  });
  const acceptance = acceptanceRule ? clockRow(target, 'acceptance', acceptanceRule, receivedAt, calendar) : null;
  const acceptanceDueAt = acceptance?.dueAt ?? null;
  // Every value goes in as a placeholder: the statement is built once per shape (which parts,
  // how many parties) and database handle, then only bound and run.
  const rows = {
    numbering: placeholdersFor('numbering_', { centerId: center.id, ...numberingOf(center.regionCode, now) }),
    case: placeholdersFor('case_', {
      id: caseId,
      centerId: center.id,
      trackingCode,
      status: 'registered' as const,
      category: input.category,
      title: input.title,
      description: input.description,
      request: input.request,
      amountInDispute: input.amountInDispute ?? null,
      occurredOn: input.occurredOn ?? null,
      location: input.location ?? null,
      townshipCode: input.townshipCode ?? null,
      channel: intake.channel,
      createdBy: actor.id,
      registeredAt: now,
      receivedAt,
    }),
    parties: partyRows(center.id, caseId, input, accounts.byPhone).map((row, i) => placeholdersFor(`party${i}_`, row)),
    timeline: placeholdersFor('timeline_', event.timeline),
    audit: placeholdersFor('audit_', event.audit),
    acceptance: acceptance && placeholdersFor('clock_', acceptance.row),
    visit: intake.inPerson || intake.channel === 'walk_in' ? placeholdersFor('visit_', { centerId: center.id, caseId, recordedBy: actor.id, visitedAt: now }) : null,
    evidence: evidenceIds.length ? placeholdersFor('evidence_', { ids: evidenceIds, count: evidenceIds.length, uploadedBy: actor.id, caseId, centerId: center.id, attachedAt: now }) : null,
    key: placeholdersFor('key_', { userId: actor.id, key: input.idempotencyKey, centerId: center.id, caseId }),
    receipt: placeholdersFor('receipt_', { phones: [...new Set(phones)], text: receiptText({ trackingCode, acceptanceDueAt }) }),
  };
  const all = [rows.numbering, rows.case, ...rows.parties, rows.timeline, rows.audit, rows.acceptance, rows.visit, rows.evidence, rows.key, rows.receipt];
  const shape = all.map((r) => r?.shape ?? '-').join('|');
  const values = Object.assign({}, ...all.map((r) => r?.values));
  try {
    const [numbered] = await preparedOneStatement<{ case_number: string }>(ctx.db, shape, () => registrationStatement(ctx.db, rows), values);
    return { kind: 'registered', id: caseId, caseNumber: numbered!.case_number, trackingCode, acceptanceDueAt };
  } catch (error) {
    if (failedRequirement(error, evidenceTaken)) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'evidenceIds' });
    throw error;
  }
}

type Placeholders<T extends Record<string, unknown>> = ReturnType<typeof placeholdersFor<T>>;

/** The registration's one statement, from its rows' placeholders. */
function registrationStatement(
  db: Database,
  rows: {
    numbering: Placeholders<{ centerId: string; year: number; prefix: string }>;
    case: Placeholders<Omit<typeof cases.$inferInsert, 'caseNumber'>>;
    parties: Placeholders<typeof caseParties.$inferInsert>[];
    timeline: Placeholders<ReturnType<typeof eventRows>['timeline']>;
    audit: Placeholders<ReturnType<typeof eventRows>['audit']>;
    acceptance: Placeholders<typeof caseClocks.$inferInsert> | null;
    visit: Placeholders<typeof caseVisits.$inferInsert> | null;
    evidence: Placeholders<{ ids: string[]; count: number; uploadedBy: string; caseId: string; centerId: string; attachedAt: Date }> | null;
    key: Placeholders<typeof idempotencyKeys.$inferInsert>;
    receipt: Placeholders<{ phones: string[]; text: string }>;
  },
) {
  const numbering = caseNumbering(rows.numbering.row);
  const evidence = rows.evidence?.row;
  const parts = {
    ...numbering.parts,
    numbered: db
      .insert(cases)
      .values({ ...rows.case.row, caseNumber: numbering.caseNumber })
      .returning({ caseNumber: cases.caseNumber }),
    parties: db.insert(caseParties).values(rows.parties.map((p) => p.row)),
    event: eventInserts(db, { timeline: rows.timeline.row, audit: rows.audit.row }),
    ...(rows.acceptance && { acceptance: db.insert(caseClocks).values(rows.acceptance.row) }),
    ...(rows.visit && { visit: db.insert(caseVisits).values(rows.visit.row) }),
    // A file attached by a concurrent submission meanwhile is not taken again: the answer's check fails the statement.
    ...(evidence && {
      attached: db
        .update(evidenceFiles)
        .set({ caseId: evidence.caseId, centerId: evidence.centerId, attachedAt: evidence.attachedAt })
        .where(and(sql`${evidenceFiles.id} = any(${evidence.ids}::uuid[])`, eq(evidenceFiles.uploadedBy, evidence.uploadedBy), isNull(evidenceFiles.caseId)))
        .returning({ id: evidenceFiles.id }),
    }),
    // The key's primary key makes a concurrent twin wait here for this one's commit, then fail
    // (and answer with what this one registered).
    key: db.insert(idempotencyKeys).values(rows.key.row),
    receipts: receiptMessages('numbered', rows.receipt.row),
  };
  const allAttached = evidence ? sql`require_true((select count(*) from attached) = ${evidence.count}::int, ${evidenceTaken})` : sql`true`;
  return { parts, answer: sql`select case_number, ${allAttached} from numbered` };
}

const evidenceTaken = 'evidence_taken';

const attachableQuery = preparedPerHandle((db) =>
  db
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(sql`${evidenceFiles.id} = any(${sql.placeholder('ids')}::uuid[])`, eq(evidenceFiles.uploadedBy, sql.placeholder('uploadedBy')), isNull(evidenceFiles.caseId)))
    .prepare('intake_attachable'),
);

function partyRows(centerId: string, caseId: string, input: PetitionSubmission, accountByPhone: Map<string, string>) {
  return [
    ...input.applicants.map((a, i) => ({
      centerId,
      caseId,
      userId: a.phone ? (accountByPhone.get(a.phone) ?? null) : null,
      role: 'applicant' as const,
      kind: 'person' as const,
      name: a.name,
      normalizedName: normalizeName(a.name),
      phone: a.phone ?? null,
      idNumberHash: a.idNumber ? hashIdNumber(a.idNumber) : null,
      idNumberEncrypted: a.idNumber ? encryptIdNumber(a.idNumber) : null,
      claimedAmount: a.claimedAmount ?? null,
      isRepresentative: a.isRepresentative,
      position: i,
    })),
    {
      centerId,
      caseId,
      role: 'respondent' as const,
      kind: input.respondent.kind,
      name: input.respondent.name,
      normalizedName: normalizeName(input.respondent.name),
      phone: input.respondent.phone ?? null,
      creditCode: input.respondent.creditCode ?? null,
      position: input.applicants.length,
    },
  ];
}

const replayQuery = preparedPerHandle((db) =>
  db
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
    .where(and(eq(idempotencyKeys.userId, sql.placeholder('userId')), eq(idempotencyKeys.key, sql.placeholder('key'))))
    .prepare('intake_replay'),
);

async function replayed(db: Database, userId: string, key: string): Promise<RegistrationResult | null> {
  const [row] = await replayQuery(db).execute({ userId, key });
  if (!row) return null;
  return row.createdBy === userId
    ? { kind: 'registered', id: row.id, caseNumber: row.caseNumber, trackingCode: row.trackingCode, acceptanceDueAt: row.acceptanceDueAt ? new Date(row.acceptanceDueAt) : null }
    : { kind: 'repeat', id: row.id, caseNumber: row.caseNumber, status: row.status };
}

/**
 * A petitioner's online submission about the same respondent as an open case they filed
 * themselves, in much the same words, is a repeat: they get where it stands. These are the
 * candidates: this person's own open cases against the respondent (by name, and by credit
 * code as a separate query so each stays on its index once prepared), with the text's similarity.
 */
function ownOpenCasesAgainst(db: Database, actor: SessionUser, input: PetitionSubmission) {
  const values = { centerId: input.centerId, actorId: actor.id, text: `${input.title} ${input.description}` };
  const byName = openCasesAgainstByName(db).execute({ ...values, respondent: normalizeName(input.respondent.name) });
  const creditCode = input.respondent.creditCode;
  if (!creditCode) return byName;
  return Promise.all([byName, openCasesAgainstByCreditCode(db).execute({ ...values, respondent: creditCode })]).then(([a, b]) => [...a, ...b]);
}

const openCasesAgainst = (db: Database, respondent: SQL, name: string) =>
  db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      similarity: sql<number>`similarity(${cases.title} || ' ' || ${cases.description}, ${sql.placeholder('text')})`,
    })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .where(
      and(
        eq(caseParties.centerId, sql.placeholder('centerId')),
        eq(caseParties.role, 'respondent'),
        respondent,
        eq(cases.createdBy, sql.placeholder('actorId')),
        inArray(cases.status, [...openStatuses]),
      ),
    )
    .prepare(name);
const openCasesAgainstByName = preparedPerHandle((db) => openCasesAgainst(db, eq(caseParties.normalizedName, sql.placeholder('respondent')), 'intake_repeat_by_name'));
const openCasesAgainstByCreditCode = preparedPerHandle((db) => openCasesAgainst(db, eq(caseParties.creditCode, sql.placeholder('respondent')), 'intake_repeat_by_credit_code'));

type RepeatCandidate = Awaited<ReturnType<typeof ownOpenCasesAgainst>>[number];

function closestRepeat(candidates: RepeatCandidate[]) {
  return candidates
    .map((c) => ({ ...c, ...scoreDuplicate({ sameIdNumber: false, samePhone: true, sameRespondent: true, textSimilarity: Number(c.similarity) }) }))
    .filter((c) => c.score >= repeatThreshold && c.reasons.includes('similar_text'))
    .sort((a, b) => b.score - a.score)[0];
}

/** The repeat goes on the earlier case's timeline; the key remembers the answer for a retry. */
async function answerRepeat(tx: Database, ctx: ServiceContext, actor: SessionUser, input: PetitionSubmission, repeat: RepeatCandidate): Promise<RegistrationResult> {
  await recordEvent(tx, ctx, { centerId: input.centerId, caseId: repeat.id }, { kind: 'repeat_petition', payload: { title: input.title } });
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ userId: actor.id, key: input.idempotencyKey, centerId: input.centerId, caseId: repeat.id })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) throw new RaceLost();
  return { kind: 'repeat', id: repeat.id, caseNumber: repeat.caseNumber, status: repeat.status };
}

const intakeCenterQuery = preparedPerHandle((db) =>
  db
    .select({
      id: centers.id,
      regionCode: centers.regionCode,
      configured: sql<boolean>`exists (select 1 from ${centerCategories} where ${centerCategories.centerId} = ${centers.id})`,
      offered: sql<boolean>`exists (select 1 from ${centerCategories} where ${centerCategories.centerId} = ${centers.id} and ${centerCategories.code} = ${sql.placeholder('category')} and ${centerCategories.active})`,
      // Asked here so a code of another center's township is a field error; the foreign key alone would only fail the write.
      hasTownship: sql<boolean>`(${sql.placeholder('townshipCode')}::text is null
        or exists (select 1 from ${townships} where ${townships.centerId} = ${centers.id} and ${townships.code} = ${sql.placeholder('townshipCode')}))`,
    })
    .from(centers)
    .where(eq(centers.id, sql.placeholder('centerId')))
    .prepare('intake_center'),
);

/** The center, its region, whether it offers the category and has the township, in one round trip. */
async function intakeCenter(db: Database, centerId: string, category: string, townshipCode: string | undefined) {
  const [row] = await intakeCenterQuery(db).execute({ centerId, category, townshipCode: townshipCode ?? null });
  if (!row) return null;
  // A center that configured nothing offers the defaults.
  const offersCategory = row.configured ? row.offered : (defaultCategories as readonly string[]).includes(category);
  return { id: row.id, regionCode: row.regionCode, offersCategory, hasTownship: Boolean(row.hasTownship) };
}

/**
 * Petitioner accounts by their (SMS-verified) phone, so such an applicant can follow the case;
 * and the submitter's own phone. One round trip.
 */
export async function accountsFor(db: Database, phones: string[], actorId: string) {
  const rows = await accountsQuery(db).execute({ actorId, phones });
  const byPhone = new Map(
    rows.filter((r) => r.phone && r.role === 'petitioner' && r.status === 'active').map((r) => [r.phone!, r.id]),
  );
  return { byPhone, actorPhone: rows.find((r) => r.id === actorId)?.phone ?? null };
}

const accountsQuery = preparedPerHandle((db) =>
  db
    .select({ id: users.id, phone: users.phone, role: users.role, status: users.status })
    .from(users)
    .where(or(eq(users.id, sql.placeholder('actorId')), sql`${users.phone} = any(${sql.placeholder('phones')}::text[])`))
    .prepare('intake_accounts'),
);
