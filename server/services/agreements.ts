import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agreementMarks, agreements, agreementTerms, caseParties, users } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { checkTerms, markAllowed, missingMarks, requiredMarks, sumYuan, type MarkMethod, type RecordedMark, type TermDraft } from '../domain/agreements';
import { localDateOf } from '../domain/calendar';
import { mediationAgreementContent } from '../domain/document-content';
import { decideTransition } from '../domain/workflow';
import { planTermFollowUps } from './follow-ups';
import { recordEvent, type CaseRef } from './case-events';
import { ensureCan, lockCase, setStatus } from './case-lock';
import { endClocks, startClock } from './clocks';
import { actingUser, type ServiceContext } from './context';
import { caseSnapshot, storeDocument } from './documents';
import { notFound, ServiceError } from './errors';
import { markCodeUsed, requestPhoneCode, verifyPhoneCode } from './phone-codes';

export interface AgreementDraftInput {
  facts: string;
  issues: string;
  responsibility: string;
  terms: TermDraft[];
  /** Drafting a supplementary agreement to this effective one (the only way to change it). */
  supplementOf?: string;
  expectedVersion: number;
}

type Tx = Database;

async function partyIdsOf(tx: Tx, caseId: string) {
  const rows = await tx.select({ id: caseParties.id, name: caseParties.name }).from(caseParties).where(eq(caseParties.caseId, caseId)).orderBy(asc(caseParties.position));
  return rows;
}

function refuseTermProblems(terms: TermDraft[], partyIds: Set<string>) {
  const problems = checkTerms(terms, partyIds);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new ServiceError('invalid', `agreement.${first.problem}`, { field: first.index < 0 ? 'terms' : `terms.${first.index}` });
}

async function replaceTerms(tx: Tx, target: CaseRef, agreementId: string, terms: TermDraft[]) {
  await tx.delete(agreementTerms).where(eq(agreementTerms.agreementId, agreementId));
  if (terms.length) {
    // An act owes no money: an amount given with it would count as owed and could never be paid.
    await tx.insert(agreementTerms).values(terms.map((t, i) => ({ ...target, agreementId, position: i, ...t, amount: t.kind === 'payment' ? t.amount : null })));
  }
}

/**
 * Writes (or rewrites) the draft agreement of a case, with its terms. Rewriting clears the marks
 * made on the earlier text: a party signs what they read. The workers see the draft at once.
 */
export async function saveAgreementDraft(ctx: ServiceContext, access: CaseAccess, input: AgreementDraftInput) {
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'draft_agreement', input.expectedVersion);
    const target = { centerId: row.centerId, caseId: row.id };
    const parties = await partyIdsOf(tx, row.id);
    refuseTermProblems(input.terms, new Set(parties.map((p) => p.id)));
    if (input.supplementOf) {
      const [base] = await tx.select({ state: agreements.state }).from(agreements).where(and(eq(agreements.id, input.supplementOf), eq(agreements.caseId, row.id)));
      if (!base || base.state !== 'effective') throw new ServiceError('invalid', 'agreement.supplementOfEffective', { field: 'supplementOf' });
    } else if (row.status !== 'mediating') {
      // Once an agreement is in effect, only a supplementary one changes it.
      throw new ServiceError('conflict', 'agreement.onlySupplement');
    }
    const [draft] = await tx.select().from(agreements).where(and(eq(agreements.caseId, row.id), eq(agreements.state, 'draft'))).for('update');
    const content = { facts: input.facts, issues: input.issues, responsibility: input.responsibility, supplementOf: input.supplementOf ?? null, updatedAt: ctx.now() };
    let agreementId: string;
    if (draft) {
      agreementId = draft.id;
      await tx.update(agreements).set(content).where(eq(agreements.id, draft.id));
      await tx.delete(agreementMarks).where(eq(agreementMarks.agreementId, draft.id));
    } else {
      const [{ n }] = (await tx.select({ n: count() }).from(agreements).where(eq(agreements.caseId, row.id))) as [{ n: number }];
      const [created] = await tx
        .insert(agreements)
        .values({
          ...target,
          ...content,
          number: `${row.caseNumber}-X${Number(n) + 1}`,
          kind: 'written',
          variant: row.track === 'labor_mediation' ? 'labor' : 'people',
          createdBy: user.id,
          createdAt: ctx.now(),
        })
        .returning({ id: agreements.id, number: agreements.number });
      agreementId = created!.id;
      await recordEvent(tx, ctx, target, { kind: 'agreement_drafted', payload: { agreementId, number: created!.number, supplement: !!input.supplementOf } }, { applicants: true });
    }
    await replaceTerms(tx, target, agreementId, input.terms);
    if (draft) {
      await recordEvent(tx, ctx, target, {
        kind: 'agreement_updated',
        payload: { agreementId, terms: input.terms.length, total: sumYuan(input.terms.map((t) => t.amount)) },
      });
    }
    await setStatus(tx, row.id, row.status);
    return { agreementId };
  });
}

async function recordedMarks(tx: Tx, agreementId: string): Promise<RecordedMark[]> {
  const rows = await tx.select({ kind: agreementMarks.kind, partyId: agreementMarks.partyId }).from(agreementMarks).where(eq(agreementMarks.agreementId, agreementId));
  return rows.map((r) => (r.kind === 'party' ? { kind: 'party', partyId: r.partyId! } : { kind: r.kind }));
}

export type MarkInput = { agreementId: string; expectedVersion: number } & (
  | { mark: 'party'; partyId: string; method: Exclude<MarkMethod, 'phone_code'> }
  | { mark: 'mediator' }
  | { mark: 'committee_seal' }
);

/**
 * Records a mark on the draft: a party's signature, seal or fingerprint made at the window
 * (recorded by whoever works the case), the mediator's signature, the committee's seal. The
 * last required mark makes the agreement effective.
 */
export async function recordMark(ctx: ServiceContext, access: CaseAccess, input: MarkInput) {
  ensureCan(access, input.mark === 'party' ? 'record_mark' : input.mark === 'mediator' ? 'sign_as_mediator' : 'affix_seal');
  const mark: RecordedMark = input.mark === 'party' ? { kind: 'party', partyId: input.partyId } : { kind: input.mark };
  const method: MarkMethod = input.mark === 'party' ? input.method : input.mark === 'mediator' ? 'signature' : 'seal';
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'read', input.expectedVersion);
    return markInTransaction(tx, ctx, row, input.agreementId, [mark], method);
  });
}

type LockedCase = Awaited<ReturnType<typeof lockCase>>;

async function markInTransaction(tx: Tx, ctx: ServiceContext, row: LockedCase, agreementId: string, marks: RecordedMark[], method: MarkMethod) {
  if (!decideTransition(row.status, 'sign_agreement').ok) throw new ServiceError('conflict', 'intake.notInThisState');
  const [agreement] = await tx.select().from(agreements).where(and(eq(agreements.id, agreementId), eq(agreements.caseId, row.id))).for('update');
  if (!agreement) throw notFound();
  if (agreement.state !== 'draft') throw new ServiceError('conflict', 'agreement.alreadyEffective');
  const parties = await partyIdsOf(tx, row.id);
  const terms = await tx.select().from(agreementTerms).where(eq(agreementTerms.agreementId, agreement.id));
  refuseTermProblems(terms.map((t) => ({ ...t, dueOn: t.dueOn })), new Set(parties.map((p) => p.id)));
  const required = requiredMarks(parties.map((p) => p.id));
  let recorded = await recordedMarks(tx, agreement.id);
  const target = { centerId: row.centerId, caseId: row.id };
  const by = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
  for (const mark of marks) {
    const allowed = markAllowed(mark, required, recorded);
    if (allowed !== 'ok') throw new ServiceError('conflict', `agreement.${allowed}`);
    await tx.insert(agreementMarks).values({ ...target, agreementId: agreement.id, kind: mark.kind, partyId: mark.kind === 'party' ? mark.partyId : null, method, recordedBy: by, markedAt: ctx.now() });
    recorded = [...recorded, mark];
    const partyName = mark.kind === 'party' ? (parties.find((p) => p.id === mark.partyId)?.name ?? null) : null;
    await recordEvent(tx, ctx, target, { kind: 'agreement_marked', payload: { agreementId: agreement.id, mark: mark.kind, partyName, method } });
  }
  const effective = missingMarks(required, recorded).length === 0;
  if (effective) await takeEffect(tx, ctx, row, agreement.id);
  else await setStatus(tx, row.id, row.status);
  // The case's new version: the window records one mark after another without waiting for a reload.
  return { effective, version: row.version + 1 };
}

/**
 * The agreement takes effect: it is frozen (the printed agreement is generated and hashed now),
 * mediation ends, and the judicial-confirmation window opens for a written agreement.
 */
async function takeEffect(tx: Tx, ctx: ServiceContext, row: LockedCase, agreementId: string) {
  const now = ctx.now();
  const target = { centerId: row.centerId, caseId: row.id };
  const [agreement] = await tx.update(agreements).set({ state: 'effective', effectiveAt: now, updatedAt: now }).where(eq(agreements.id, agreementId)).returning();
  const moved = decideTransition(row.status, 'agreement_effective');
  await setStatus(tx, row.id, moved.ok ? moved.next : row.status);
  await endClocks(tx, row.id, ['handling'], now);
  if (agreement!.kind === 'written') {
    await endClocks(tx, row.id, ['judicial_confirmation'], now, 'cancelled');
    await startClock(tx, target, 'judicial_confirmation', row.track, now);
  }
  await storeDocument(tx, ctx, target, { kind: 'mediation_agreement', content: await agreementContent(tx, target, agreement!) });
  await recordEvent(
    tx,
    ctx,
    target,
    { kind: 'agreement_effective', payload: { agreementId, number: agreement!.number, oral: agreement!.kind === 'oral', effectiveAt: now.toISOString() } },
    { applicants: true },
  );
  await planTermFollowUps(tx, ctx, target, row.track, agreementId);
}

async function agreementContent(tx: Tx, target: CaseRef, agreement: typeof agreements.$inferSelect) {
  const snapshot = await caseSnapshot(tx, target);
  const names = new Map(snapshot.parties.map((p) => [p.id, p.name]));
  const terms = await tx.select().from(agreementTerms).where(eq(agreementTerms.agreementId, agreement.id)).orderBy(asc(agreementTerms.position));
  return mediationAgreementContent(snapshot, {
    number: agreement.number,
    kind: agreement.kind,
    variant: agreement.variant,
    facts: agreement.facts,
    issues: agreement.issues,
    responsibility: agreement.responsibility,
    oralContent: agreement.oralContent,
    effectiveOn: localDateOf(agreement.effectiveAt!),
    terms: terms.map((t) => ({
      kind: t.kind,
      description: t.description,
      obligor: names.get(t.obligorPartyId) ?? '',
      obligee: t.obligeePartyId ? (names.get(t.obligeePartyId) ?? null) : null,
      obligeeId: t.obligeePartyId,
      amount: t.amount,
      dueOn: t.dueOn,
      place: t.place,
      guarantor: t.guarantor,
      onDefault: t.onDefault,
    })),
  });
}

/** Sends the signed-in party a code to confirm the draft agreement on their own phone. */
export async function requestAgreementCode(ctx: ServiceContext, access: CaseAccess, input: { agreementId: string }, meta: { ip: string; locale: 'zh-CN' | 'en' }) {
  ensureCan(access, 'confirm_agreement');
  const user = actingUser(ctx);
  const [agreement] = await ctx.db.select({ state: agreements.state }).from(agreements).where(and(eq(agreements.id, input.agreementId), eq(agreements.caseId, access.caseId)));
  if (!agreement) throw notFound();
  if (agreement.state !== 'draft') throw new ServiceError('conflict', 'agreement.alreadyEffective');
  const [account] = await ctx.db.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
  if (!account?.phone) throw new ServiceError('invalid', 'agreement.noPhone');
  return requestPhoneCode(ctx.db, { phone: account.phone, purpose: 'sign_agreement', ip: meta.ip, locale: meta.locale });
}

/**
 * A party confirms the draft on their own phone (signed in, with the SMS code): their mark,
 * method `phone_code`, for each party of the case they are.
 */
export async function confirmAgreementByPhone(ctx: ServiceContext, access: CaseAccess, input: { agreementId: string; code: string; expectedVersion: number }) {
  ensureCan(access, 'confirm_agreement');
  const user = actingUser(ctx);
  if (access.relation.kind !== 'party') throw new ServiceError('forbidden', 'errors.forbidden');
  const partyIds = access.relation.partyIds;
  const [account] = await ctx.db.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
  if (!account?.phone) throw new ServiceError('invalid', 'agreement.noPhone');
  const codeId = await verifyPhoneCode(ctx.db, account.phone, 'sign_agreement', input.code);
  return ctx.db.transaction(async (tx) => {
    await markCodeUsed(tx, codeId);
    const row = await lockCase(tx, access, 'read', input.expectedVersion);
    return markInTransaction(tx, ctx, row, input.agreementId, partyIds.map((partyId) => ({ kind: 'party' as const, partyId })), 'phone_code');
  });
}

/** An oral agreement: recorded with its content and terms, effective the day it is reached (人民调解法 art. 30). */
export async function recordOralAgreement(ctx: ServiceContext, access: CaseAccess, input: { content: string; terms: TermDraft[]; expectedVersion: number }) {
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'record_oral_agreement', input.expectedVersion);
    const target = { centerId: row.centerId, caseId: row.id };
    const parties = await partyIdsOf(tx, row.id);
    refuseTermProblems(input.terms, new Set(parties.map((p) => p.id)));
    // A written draft is on the table (perhaps already signed by some): settle it first.
    const [draft] = await tx.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.caseId, row.id), eq(agreements.state, 'draft')));
    if (draft) throw new ServiceError('conflict', 'agreement.draftPending');
    const [{ n }] = (await tx.select({ n: count() }).from(agreements).where(eq(agreements.caseId, row.id))) as [{ n: number }];
    const [created] = await tx
      .insert(agreements)
      .values({
        ...target,
        number: `${row.caseNumber}-X${Number(n) + 1}`,
        kind: 'oral',
        variant: row.track === 'labor_mediation' ? 'labor' : 'people',
        oralContent: input.content,
        createdBy: user.id,
        createdAt: ctx.now(),
      })
      .returning({ id: agreements.id });
    await replaceTerms(tx, target, created!.id, input.terms);
    await takeEffect(tx, ctx, row, created!.id);
    return { agreementId: created!.id };
  });
}

/** The case's agreements with their terms and marks, as any reader of the case may see them. */
export async function listAgreements(db: Database, access: CaseAccess) {
  const rows = await db.select().from(agreements).where(and(eq(agreements.caseId, access.caseId), eq(agreements.centerId, access.centerId))).orderBy(asc(agreements.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((a) => a.id);
  const [terms, marks, parties] = await Promise.all([
    db.select().from(agreementTerms).where(inArray(agreementTerms.agreementId, ids)).orderBy(asc(agreementTerms.position)),
    db.select().from(agreementMarks).where(inArray(agreementMarks.agreementId, ids)).orderBy(asc(agreementMarks.markedAt)),
    partyIdsOf(db, access.caseId),
  ]);
  const name = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? null) : null);
  return rows.map((a) => {
    const recorded: RecordedMark[] = marks.filter((m) => m.agreementId === a.id).map((m) => (m.kind === 'party' ? { kind: 'party', partyId: m.partyId! } : { kind: m.kind }));
    return {
      id: a.id,
      number: a.number,
      kind: a.kind,
      variant: a.variant,
      state: a.state,
      supplementOf: a.supplementOf,
      facts: a.facts,
      issues: a.issues,
      responsibility: a.responsibility,
      oralContent: a.oralContent,
      effectiveAt: a.effectiveAt,
      terms: terms
        .filter((t) => t.agreementId === a.id)
        .map((t) => ({ ...t, obligorName: name(t.obligorPartyId), obligeeName: name(t.obligeePartyId) })),
      marks: marks.filter((m) => m.agreementId === a.id).map((m) => ({ kind: m.kind, partyId: m.partyId, partyName: name(m.partyId), method: m.method, markedAt: m.markedAt })),
      missing: a.state === 'draft' ? missingMarks(requiredMarks(parties.map((p) => p.id)), recorded).map((m) => (m.kind === 'party' ? { kind: m.kind, partyId: m.partyId, partyName: name(m.partyId) } : { kind: m.kind, partyId: null, partyName: null })) : [],
      total: sumYuan(terms.filter((t) => t.agreementId === a.id).map((t) => t.amount)),
    };
  });
}

