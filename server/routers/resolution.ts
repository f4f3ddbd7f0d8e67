import { z } from 'zod';
import { closureOutcomes, excludedSubjects, markMethods, replyDecisions, terminationKinds, termKinds } from '../domain/agreements';
import { serviceMethods } from '../../db/schema';
import { addApplicants, previewRoster } from '../services/roster';
import { confirmAgreementByPhone, listAgreements, recordMark, recordOralAgreement, requestAgreementCode, saveAgreementDraft } from '../services/agreements';
import { applyForConfirmation, confirmationOf, confirmationVenue, recordCourtDecision } from '../services/judicial-confirmation';
import { closeCase, closureOf, receiveReport, replyToPetition, terminateMediation } from '../services/closure';
import { listDocuments, readDocument } from '../services/documents';
import { performanceOf, recordActPerformed, recordPayment, unpaidWorkers } from '../services/performance';
import { generateArbitrationApplication, generatePaymentOrders, generateReferralLetter, recordService } from '../services/route-documents';
import { translator } from '../i18n/translate';
import { authedProcedure, caseProcedure, router } from '../trpc';
import { amountField, dateField, optional, smsCodeField } from './fields';
import { applicantInput } from './petition.schema';

const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const term = z.object({
  kind: z.enum(termKinds),
  obligorPartyId: z.uuid(),
  obligeePartyId: z.uuid().nullable().default(null),
  description: text(500),
  amount: amountField.nullable().default(null),
  dueOn: dateField.nullable().default(null),
  place: z.string().trim().max(200).nullable().default(null),
  guarantor: z.string().trim().max(200).nullable().default(null),
  onDefault: z.string().trim().max(500).nullable().default(null),
});
const terms = z.array(term).max(1000);

/** A roster file: `file` (an Excel workbook or a CSV). */
const rosterFile = z
  .instanceof(FormData)
  .transform((form): Record<string, unknown> => ({ file: form.get('file'), caseId: form.get('caseId') }))
  .pipe(z.object({ file: z.instanceof(File, { error: 'evidence.noFile' }), caseId: z.uuid() }));

export const resolutionRouter = router({
  agreements: caseProcedure.query(({ ctx }) => listAgreements(ctx.db, ctx.access)),
  saveDraft: caseProcedure
    .input(z.object({ facts: z.string().trim().max(5000), issues: z.string().trim().max(5000), responsibility: z.string().trim().max(5000), terms, supplementOf: optional(z.uuid()), expectedVersion: version }))
    .mutation(({ ctx, input }) => saveAgreementDraft(ctx.svc, ctx.access, input)),
  recordMark: caseProcedure
    .input(
      z.discriminatedUnion('mark', [
        z.object({ mark: z.literal('party'), partyId: z.uuid(), method: z.enum(markMethods).exclude(['phone_code']), agreementId: z.uuid(), expectedVersion: version }),
        z.object({ mark: z.literal('mediator'), agreementId: z.uuid(), expectedVersion: version }),
        z.object({ mark: z.literal('committee_seal'), agreementId: z.uuid(), expectedVersion: version }),
      ]),
    )
    .mutation(({ ctx, input }) => recordMark(ctx.svc, ctx.access, input)),
  /** A party asks for the code that confirms the draft on their own phone. */
  requestCode: caseProcedure
    .input(z.object({ agreementId: z.uuid() }))
    .mutation(({ ctx, input }) => requestAgreementCode(ctx.svc, ctx.access, input, { ip: ctx.ip, locale: ctx.locale })),
  confirmByPhone: caseProcedure
    .input(z.object({ agreementId: z.uuid(), code: smsCodeField, expectedVersion: version }))
    .mutation(({ ctx, input }) => confirmAgreementByPhone(ctx.svc, ctx.access, input)),
  recordOral: caseProcedure
    .input(z.object({ content: text(5000), terms, expectedVersion: version }))
    .mutation(({ ctx, input }) => recordOralAgreement(ctx.svc, ctx.access, input)),
  confirmationVenue: caseProcedure.query(({ ctx }) => confirmationVenue(ctx.db, ctx.access)),
  confirmation: caseProcedure.query(({ ctx }) => confirmationOf(ctx.db, ctx.access)),
  applyForConfirmation: caseProcedure
    .input(z.object({ agreementId: z.uuid(), court: text(100), venueReason: text(200), concerns: z.array(z.enum(excludedSubjects)).max(3), expectedVersion: version }))
    .mutation(({ ctx, input }) => applyForConfirmation(ctx.svc, ctx.access, input)),
  recordCourtDecision: caseProcedure
    .input(z.object({ step: z.enum(['accepted', 'confirmed', 'rejected']), reason: optional(z.string().trim().max(1000)), expectedVersion: version }))
    .mutation(({ ctx, input }) => recordCourtDecision(ctx.svc, ctx.access, input)),
  performance: caseProcedure.query(({ ctx }) => performanceOf(ctx.db, ctx.access)),
  unpaidWorkers: caseProcedure.query(({ ctx }) => unpaidWorkers(ctx.db, ctx.access)),
  recordPayment: caseProcedure
    .input(
      z.object({
        termId: z.uuid(),
        amount: amountField.refine((v) => Number(v) > 0, { error: 'validation.amount' }),
        paidOn: dateField,
        evidenceId: optional(z.uuid()),
        idempotencyKey: z.uuid(),
      }),
    )
    .mutation(({ ctx, input }) => recordPayment(ctx.svc, ctx.access, input)),
  recordActPerformed: caseProcedure.input(z.object({ termId: z.uuid() })).mutation(({ ctx, input }) => recordActPerformed(ctx.svc, ctx.access, input)),
  documents: caseProcedure.query(({ ctx }) => listDocuments(ctx.db, ctx.access)),
  document: caseProcedure.input(z.object({ documentId: z.uuid() })).query(({ ctx, input }) => readDocument(ctx.db, ctx.access, input.documentId)),
  generatePaymentOrders: caseProcedure
    .input(z.object({ court: text(100), employerServable: z.boolean() }))
    .mutation(({ ctx, input }) => generatePaymentOrders(ctx.svc, ctx.access, input)),
  generateArbitrationApplication: caseProcedure
    .input(z.object({ commission: text(100) }))
    .mutation(({ ctx, input }) => generateArbitrationApplication(ctx.svc, ctx.access, input)),
  generateReferralLetter: caseProcedure
    .input(z.object({ destinationId: z.uuid(), reason: text(1000) }))
    .mutation(({ ctx, input }) => generateReferralLetter(ctx.svc, ctx.access, input)),
  recordService: caseProcedure
    .input(
      z.object({
        documentId: z.uuid(),
        partyId: z.uuid(),
        method: z.enum(serviceMethods),
        servedOn: dateField,
        receivedBy: optional(z.string().trim().max(100)),
        electronicConsent: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => recordService(ctx.svc, ctx.access, input)),
  terminate: caseProcedure
    .input(z.object({ kind: z.enum(terminationKinds), reason: text(1000), expectedVersion: version }))
    .mutation(({ ctx, input }) => terminateMediation(ctx.svc, ctx.access, input)),
  close: caseProcedure
    .input(z.object({ outcome: z.enum(closureOutcomes).exclude(['terminated']), reason: optional(z.string().trim().max(1000)), expectedVersion: version }))
    .mutation(({ ctx, input }) => closeCase(ctx.svc, ctx.access, input)),
  reply: caseProcedure
    .input(z.object({ decision: z.enum(replyDecisions), text: text(5000), expectedVersion: version }))
    .mutation(({ ctx, input }) => replyToPetition(ctx.svc, ctx.access, input)),
  receiveReport: caseProcedure
    .input(z.object({ report: text(5000), outcome: z.enum(closureOutcomes).exclude(['terminated']), expectedVersion: version }))
    .mutation(({ ctx, input }) => receiveReport(ctx.svc, ctx.access, input)),
  closure: caseProcedure.query(({ ctx }) => closureOf(ctx.db, ctx.access)),
  /** A roster file checked row by row before anything is added; the messages in the caller's language. */
  previewRoster: authedProcedure.input(rosterFile).mutation(async ({ ctx, input }) => {
    const rows = await previewRoster(ctx.svc, input.caseId, input.file);
    const t = translator(ctx.locale);
    return rows.map((r) => ({ line: r.line, values: r.values, errors: Object.fromEntries(Object.entries(r.errors).map(([k, p]) => [k, t(p!.key, p!.values)])) }));
  }),
  addApplicants: caseProcedure
    .input(z.object({ applicants: z.array(applicantInput).min(1).max(500), expectedVersion: version }))
    .mutation(({ ctx, input }) => addApplicants(ctx.svc, ctx.access, input)),
});
