import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agreements, agreementTerms, caseParties, cases, evidenceFiles, panelMembers, payments, termAlerts } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { outstanding, sumYuan, termStatus } from '../domain/agreements';
import { addDays, daysBetween, localDateOf } from '../domain/calendar';
import { recordEvent } from './case-events';
import { lockCase, setStatus } from './case-lock';
import { actingUser, systemContext, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { logError } from '../log';

type Tx = Database;

/** The terms of the case's effective agreements with what was paid and where each stands today, per worker. */
export async function performanceOf(db: Database, access: CaseAccess, now = new Date()) {
  const terms = await db
    .select({
      id: agreementTerms.id,
      agreementId: agreementTerms.agreementId,
      agreementNumber: agreements.number,
      kind: agreementTerms.kind,
      description: agreementTerms.description,
      amount: agreementTerms.amount,
      dueOn: agreementTerms.dueOn,
      obligorPartyId: agreementTerms.obligorPartyId,
      obligeePartyId: agreementTerms.obligeePartyId,
      performedAt: agreementTerms.performedAt,
      paid: sql<string>`coalesce((select sum(${payments.amount}) from ${payments} where ${payments.termId} = ${agreementTerms.id}), 0)`,
    })
    .from(agreementTerms)
    .innerJoin(agreements, eq(agreements.id, agreementTerms.agreementId))
    .where(and(eq(agreementTerms.caseId, access.caseId), eq(agreementTerms.centerId, access.centerId), eq(agreements.state, 'effective')))
    .orderBy(asc(agreements.createdAt), asc(agreementTerms.position));
  const parties = await db.select({ id: caseParties.id, name: caseParties.name }).from(caseParties).where(eq(caseParties.caseId, access.caseId));
  const name = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? null) : null);
  const today = localDateOf(now);
  const rows = terms.map((t) => ({
    ...t,
    paid: Number(t.paid).toFixed(2),
    obligorName: name(t.obligorPartyId),
    obligeeName: name(t.obligeePartyId),
    outstanding: t.kind === 'payment' ? outstanding(t.amount, t.paid) : null,
    status: termStatus(t, t.paid, t.performedAt !== null, today),
  }));
  return {
    terms: rows,
    owed: sumYuan(rows.map((r) => r.amount)),
    paid: sumYuan(rows.map((r) => r.paid)),
    missed: rows.filter((r) => r.status === 'missed').length,
    allPerformed: rows.length > 0 && rows.every((r) => r.status === 'paid' || r.status === 'performed'),
  };
}

async function lockTerm(tx: Tx, caseId: string, termId: string) {
  const [term] = await tx
    .select({ term: agreementTerms, state: agreements.state })
    .from(agreementTerms)
    .innerJoin(agreements, eq(agreements.id, agreementTerms.agreementId))
    .where(and(eq(agreementTerms.id, termId), eq(agreementTerms.caseId, caseId)))
    .for('update', { of: agreementTerms });
  if (!term) throw notFound();
  if (term.state !== 'effective') throw new ServiceError('conflict', 'payment.notEffective');
  return term.term;
}

/**
 * A payment toward a term (partial payments too), with its proof; the worker it went to is told.
 * The form's key makes it idempotent: sent again (a double tap, a retry on a slow line), the
 * payment is not recorded twice and the caller gets what is outstanding now.
 */
export async function recordPayment(
  ctx: ServiceContext,
  access: CaseAccess,
  input: { termId: string; amount: string; paidOn: string; evidenceId?: string; idempotencyKey: string },
) {
  const user = actingUser(ctx);
  if (daysBetween(localDateOf(ctx.now()), input.paidOn) > 0) throw new ServiceError('invalid', 'payment.future', { field: 'paidOn' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'record_payment');
    const term = await lockTerm(tx, row.id, input.termId);
    if (term.kind !== 'payment') throw new ServiceError('invalid', 'payment.notPayment', { field: 'termId' });
    const [{ paid, replayed }] = (await tx
      .select({ paid: sql<string>`coalesce(sum(${payments.amount}), 0)`, replayed: sql<boolean>`bool_or(${payments.idempotencyKey} = ${input.idempotencyKey})` })
      .from(payments)
      .where(eq(payments.termId, term.id))) as [{ paid: string; replayed: boolean | null }];
    const owed = outstanding(term.amount, paid);
    // The term's row lock orders two sends of one form: the second finds the first's payment.
    if (replayed) return { outstanding: owed };
    if (Number(input.amount) > Number(owed)) throw new ServiceError('invalid', 'payment.exceeds', { field: 'amount', values: { owed } });
    if (input.evidenceId) {
      const [file] = await tx.select({ id: evidenceFiles.id }).from(evidenceFiles).where(and(eq(evidenceFiles.id, input.evidenceId), eq(evidenceFiles.caseId, row.id)));
      if (!file) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'evidenceId' });
    }
    const target = { centerId: row.centerId, caseId: row.id };
    await tx.insert(payments).values({
      ...target,
      termId: term.id,
      amount: input.amount,
      paidOn: input.paidOn,
      evidenceId: input.evidenceId ?? null,
      recordedBy: user.id,
      idempotencyKey: input.idempotencyKey,
      createdAt: ctx.now(),
    });
    const [obligee] = term.obligeePartyId ? await tx.select({ name: caseParties.name }).from(caseParties).where(eq(caseParties.id, term.obligeePartyId)) : [];
    await recordEvent(
      tx,
      ctx,
      target,
      {
        kind: 'payment_recorded',
        payload: { term: term.description, obligee: obligee?.name ?? null, amount: Number(input.amount).toFixed(2), paidOn: input.paidOn, outstanding: outstanding(owed, input.amount) },
      },
      term.obligeePartyId ? { parties: [term.obligeePartyId] } : undefined,
    );
    await setStatus(tx, row.id, row.status);
    return { outstanding: outstanding(owed, input.amount) };
  });
}

/** An act (an apology, a repair) recorded as done. */
export async function recordActPerformed(ctx: ServiceContext, access: CaseAccess, input: { termId: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'record_payment');
    const term = await lockTerm(tx, row.id, input.termId);
    if (term.kind !== 'act') throw new ServiceError('invalid', 'payment.notAct', { field: 'termId' });
    if (term.performedAt) throw new ServiceError('conflict', 'payment.alreadyPerformed');
    await tx.update(agreementTerms).set({ performedAt: ctx.now() }).where(eq(agreementTerms.id, term.id));
    await recordEvent(tx, ctx, { centerId: row.centerId, caseId: row.id }, { kind: 'act_performed', payload: { term: term.description } });
    await setStatus(tx, row.id, row.status);
    return { performed: true };
  });
}

/**
 * Performance reminders: three days before a term falls due, the panel's lead; once it is
 * missed, the whole panel (the routes — payment order, arbitration, enforcement — are offered
 * on the case). Each once per term, whatever the number of sweepers.
 */
export async function runTermSweep(db: Database, now: Date = new Date()): Promise<{ sent: number }> {
  const today = localDateOf(now);
  const soon = addDays(today, 3);
  const due = await db
    .select({ term: agreementTerms, caseStatus: cases.status })
    .from(agreementTerms)
    .innerJoin(agreements, eq(agreements.id, agreementTerms.agreementId))
    .innerJoin(cases, eq(cases.id, agreementTerms.caseId))
    .where(and(eq(agreements.state, 'effective'), eq(cases.status, 'performing'), lte(agreementTerms.dueOn, soon), isNull(agreementTerms.performedAt)));
  const ctx = systemContext(db, 'deadline_sweep', () => now);
  let sent = 0;
  for (const { term } of due) {
    try {
      const told = await db.transaction(async (tx) => {
        const [{ paid }] = (await tx.select({ paid: sql<string>`coalesce(sum(${payments.amount}), 0)` }).from(payments).where(eq(payments.termId, term.id))) as [{ paid: string }];
        const status = termStatus(term, paid, term.performedAt !== null, today);
        if (status === 'paid' || status === 'performed') return false;
        const threshold = status === 'missed' ? 'missed' : 'due_soon';
        const claimed = await tx.insert(termAlerts).values({ termId: term.id, threshold, centerId: term.centerId, sentAt: now }).onConflictDoNothing().returning({ termId: termAlerts.termId });
        if (claimed.length === 0) return false;
        const panel = await tx
          .select({ userId: panelMembers.userId, isLead: panelMembers.isLead })
          .from(panelMembers)
          .where(and(eq(panelMembers.caseId, term.caseId), isNull(panelMembers.removedAt)));
        const [obligee] = term.obligeePartyId ? await tx.select({ name: caseParties.name }).from(caseParties).where(eq(caseParties.id, term.obligeePartyId)) : [];
        const payload = { term: term.description, obligee: obligee?.name ?? null, dueOn: term.dueOn!, outstanding: outstanding(term.amount, paid) };
        const target = { centerId: term.centerId, caseId: term.caseId };
        if (threshold === 'missed') {
          await recordEvent(tx, ctx, target, { kind: 'term_missed', payload }, { users: panel.map((p) => p.userId) });
        } else {
          await recordEvent(tx, ctx, target, { kind: 'term_due_soon', payload }, { users: panel.filter((p) => p.isLead).map((p) => p.userId) });
        }
        return true;
      });
      if (told) sent++;
    } catch (error) {
      logError('sweep.term', error, { termId: term.id });
    }
  }
  return { sent };
}

/** Unpaid workers of missed payment terms, with what each is still owed (for the payment-order and arbitration packs). */
export async function unpaidWorkers(db: Database, access: CaseAccess, now = new Date()) {
  const { terms } = await performanceOf(db, access, now);
  const byWorker = new Map<string, { partyId: string; owed: number; dueOn: string | null; agreementNumber: string }>();
  for (const t of terms) {
    if (t.kind !== 'payment' || t.status !== 'missed' || !t.obligeePartyId) continue;
    const entry = byWorker.get(t.obligeePartyId) ?? { partyId: t.obligeePartyId, owed: 0, dueOn: t.dueOn, agreementNumber: t.agreementNumber };
    entry.owed += Math.round(Number(t.outstanding) * 100);
    byWorker.set(t.obligeePartyId, entry);
  }
  return [...byWorker.values()].map((w) => ({ ...w, owed: (w.owed / 100).toFixed(2) }));
}

