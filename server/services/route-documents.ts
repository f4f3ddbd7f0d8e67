import { and, eq } from 'drizzle-orm';
import { caseParties, documents, documentServices, referralDestinations } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { localDateOf } from '../domain/calendar';
import type { CaseStatus } from '../domain/case-status';
import { arbitrationContent, paymentOrderContent, referralLetterContent, serviceReceiptContent } from '../domain/document-content';
import type { ServiceMethod } from '../../db/schema';
import { recordEvent } from './case-events';
import { ensureCan, lockCase } from './case-lock';
import type { ServiceContext } from './context';
import { caseSnapshot, storeDocument } from './documents';
import { notFound, ServiceError } from './errors';
import { unpaidWorkers } from './performance';

/**
 * The papers for the routes a dispute takes when mediation does not settle it: a payment-order
 * application for each worker still unpaid after a missed term (劳动争议调解仲裁法 art. 16 —
 * only when the employer can be served), a labor arbitration application (collective from ten
 * workers, through their representatives), a referral letter to the competent body.
 */
export async function generatePaymentOrders(ctx: ServiceContext, access: CaseAccess, input: { court: string; employerServable: boolean }) {
  ensureCan(access, 'generate_document');
  if (!input.employerServable) throw new ServiceError('invalid', 'documents.employerNotServable', { field: 'employerServable' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'read');
    const target = { centerId: row.centerId, caseId: row.id };
    const unpaid = await unpaidWorkers(tx, access, ctx.now());
    if (unpaid.length === 0) throw new ServiceError('conflict', 'documents.nothingMissed');
    const snapshot = await caseSnapshot(tx, target);
    const employer = snapshot.parties.find((p) => p.role === 'respondent');
    if (!employer) throw new ServiceError('conflict', 'documents.noRespondent');
    const issuedOn = localDateOf(ctx.now());
    const created = [];
    for (const w of unpaid) {
      const worker = snapshot.parties.find((p) => p.id === w.partyId)!;
      const content = paymentOrderContent(snapshot, worker, employer, { agreementNumber: w.agreementNumber, owed: w.owed, dueOn: w.dueOn!, court: input.court, issuedOn });
      created.push({ ...(await storeDocument(tx, ctx, target, { kind: 'payment_order_application', content, partyId: worker.id, partyName: worker.name })), partyId: worker.id, owed: w.owed });
    }
    return created;
  });
}

// Route papers speak for a case this center took on: not before the acceptance decision, and
// not for one it declined or sent on (those answers already name where to go).
const routeStatusesRefused: readonly CaseStatus[] = ['registered', 'declined', 'transferred'];

function ensureAccepted(row: { status: CaseStatus }) {
  if (routeStatusesRefused.includes(row.status)) throw new ServiceError('conflict', 'documents.notAccepted');
}

export async function generateArbitrationApplication(ctx: ServiceContext, access: CaseAccess, input: { commission: string }) {
  ensureCan(access, 'generate_document');
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'read');
    ensureAccepted(row);
    const target = { centerId: row.centerId, caseId: row.id };
    const snapshot = await caseSnapshot(tx, target);
    const employer = snapshot.parties.find((p) => p.role === 'respondent');
    if (!employer) throw new ServiceError('conflict', 'documents.noRespondent');
    // After a missed term: what each unpaid worker is still owed; without an agreement: what each claimed.
    const unpaid = await unpaidWorkers(tx, access, ctx.now());
    const workers = unpaid.length
      ? unpaid.map((u) => ({ party: snapshot.parties.find((p) => p.id === u.partyId)!, owed: u.owed }))
      : snapshot.parties.filter((p) => p.role === 'applicant').map((p) => ({ party: p, owed: p.claimedAmount ?? '0.00' }));
    const content = arbitrationContent(snapshot, workers, employer, { commission: input.commission, issuedOn: localDateOf(ctx.now()) });
    return storeDocument(tx, ctx, target, { kind: 'arbitration_application', content });
  });
}

export async function generateReferralLetter(ctx: ServiceContext, access: CaseAccess, input: { destinationId: string; reason: string }) {
  ensureCan(access, 'generate_document');
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'read');
    ensureAccepted(row);
    const [destination] = await tx
      .select({ name: referralDestinations.name })
      .from(referralDestinations)
      .where(and(eq(referralDestinations.id, input.destinationId), eq(referralDestinations.centerId, row.centerId)));
    if (!destination) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'destinationId' });
    const target = { centerId: row.centerId, caseId: row.id };
    const content = referralLetterContent(await caseSnapshot(tx, target), { destination: destination.name, reason: input.reason, issuedOn: localDateOf(ctx.now()) });
    return storeDocument(tx, ctx, target, { kind: 'referral_letter', content });
  });
}

/**
 * 送达回证: how a document was served on a party — in person, left with a witness, by post, or
 * electronically with the party's consent — printed as its own proof.
 */
export async function recordService(
  ctx: ServiceContext,
  access: CaseAccess,
  input: { documentId: string; partyId: string; method: ServiceMethod; servedOn: string; receivedBy?: string; electronicConsent: boolean },
) {
  ensureCan(access, 'record_service');
  if (input.method === 'electronic' && !input.electronicConsent) throw new ServiceError('invalid', 'documents.electronicNeedsConsent', { field: 'electronicConsent' });
  if (input.method === 'left_with_witness' && !input.receivedBy) throw new ServiceError('invalid', 'validation.required', { field: 'receivedBy' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'read');
    const target = { centerId: row.centerId, caseId: row.id };
    const [document] = await tx.select({ id: documents.id, kind: documents.kind }).from(documents).where(and(eq(documents.id, input.documentId), eq(documents.caseId, row.id)));
    const [party] = await tx.select({ id: caseParties.id, name: caseParties.name }).from(caseParties).where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, row.id)));
    if (!document || !party) throw notFound();
    const servedAt = new Date(`${input.servedOn}T12:00:00+08:00`);
    await tx.insert(documentServices).values({
      ...target,
      documentId: document.id,
      partyId: party.id,
      method: input.method,
      servedAt,
      receivedBy: input.receivedBy ?? null,
      electronicConsent: input.electronicConsent,
      recordedBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
    });
    const content = serviceReceiptContent(await caseSnapshot(tx, target), {
      documentKind: document.kind,
      documentId: document.id,
      party: party.name,
      method: input.method,
      servedOn: input.servedOn,
      receivedBy: input.receivedBy ?? null,
    });
    const receipt = await storeDocument(tx, ctx, target, { kind: 'service_receipt', content, partyId: party.id, partyName: party.name });
    await recordEvent(tx, ctx, target, { kind: 'document_served', payload: { document: document.kind, partyName: party.name, method: input.method } });
    return receipt;
  });
}
