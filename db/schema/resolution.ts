import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AgreementKind, AgreementState, AgreementVariant, ClosureOutcome, ExcludedSubject, MarkMethod, ReplyDecision, TermKind, TerminationKind } from '../../server/domain/agreements';
import type { DocumentKind } from '../../server/domain/documents';
import { caseParties, caseScoped } from './cases';
import { centers } from './centers';
import { evidenceFiles } from './evidence';
import { users } from './users';

/** A mediation agreement (written or oral) of a case; a supplementary one amends an effective one. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    number: text('number').notNull(),
    kind: text('kind').$type<AgreementKind>().notNull(),
    variant: text('variant').$type<AgreementVariant>().notNull(),
    state: text('state').$type<AgreementState>().notNull().default('draft'),
    /** The agreement it amends (补充协议). */
    supplementOf: uuid('supplement_of'),
    facts: text('facts').notNull().default(''),
    issues: text('issues').notNull().default(''),
    responsibility: text('responsibility').notNull().default(''),
    /** An oral agreement's content as recorded. */
    oralContent: text('oral_content'),
    effectiveAt: timestamp('effective_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreements_case_id_idx').on(t.caseId),
    uniqueIndex('agreements_number_idx').on(t.number),
    // At most one draft per case at a time.
    uniqueIndex('agreements_case_id_draft_idx').on(t.caseId).where(sql`${t.state} = 'draft'`),
  ],
);

/** One obligation of an agreement: a payment (per worker in a group case) or an act, with its due date. */
export const agreementTerms = pgTable(
  'agreement_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    position: integer('position').notNull(),
    kind: text('kind').$type<TermKind>().notNull(),
    obligorPartyId: uuid('obligor_party_id')
      .notNull()
      .references(() => caseParties.id),
    obligeePartyId: uuid('obligee_party_id').references(() => caseParties.id),
    description: text('description').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    dueOn: date('due_on'),
    place: text('place'),
    guarantor: text('guarantor'),
    onDefault: text('on_default'),
    /** For acts: when the panel recorded it done. */
    performedAt: timestamp('performed_at', { withTimezone: true }),
  },
  (t) => [
    index('agreement_terms_agreement_id_idx').on(t.agreementId),
    // Performance reminders: terms by due date.
    index('agreement_terms_center_id_due_on_idx').on(t.centerId, t.dueOn),
  ],
);

/** The marks that make an agreement effective: each party's, the mediator's, the committee's seal. */
export const agreementMarks = pgTable(
  'agreement_marks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    kind: text('kind').$type<'party' | 'mediator' | 'committee_seal'>().notNull(),
    partyId: uuid('party_id').references(() => caseParties.id),
    method: text('method').$type<MarkMethod>().notNull(),
    /** Who recorded it (staff at the window), or the party who confirmed on their phone. */
    recordedBy: uuid('recorded_by').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('agreement_marks_agreement_id_idx').on(t.agreementId),
    uniqueIndex('agreement_marks_agreement_id_kind_party_id_idx').on(t.agreementId, t.kind, sql`coalesce(${t.partyId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/** A payment toward a term (partial payments too), with its proof. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    termId: uuid('term_id')
      .notNull()
      .references(() => agreementTerms.id),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    paidOn: date('paid_on').notNull(),
    evidenceId: uuid('evidence_id').references(() => evidenceFiles.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** The recording form's key: a payment sent twice (a double tap, a retry) is recorded once. */
    idempotencyKey: uuid('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_term_id_idx').on(t.termId), uniqueIndex('payments_term_id_idempotency_key_idx').on(t.termId, t.idempotencyKey)],
);

/** One reminder per term and threshold (due soon, missed): sent once by the sweep. */
export const termAlerts = pgTable(
  'term_alerts',
  {
    termId: uuid('term_id')
      .notNull()
      .references(() => agreementTerms.id),
    threshold: text('threshold').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.termId, t.threshold] })],
);

export const confirmationStates = ['applied', 'accepted', 'confirmed', 'rejected'] as const;
export type ConfirmationState = (typeof confirmationStates)[number];

/** A judicial confirmation of an effective agreement: the application and the court's milestones. */
export const judicialConfirmations = pgTable(
  'judicial_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    court: text('court').notNull(),
    venueReason: text('venue_reason').notNull(),
    /** The pre-check's answers: none of these may apply. */
    excludedChecked: jsonb('excluded_checked').$type<ExcludedSubject[]>().notNull(),
    state: text('state').$type<ConfirmationState>().notNull().default('applied'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [index('judicial_confirmations_case_id_idx').on(t.caseId)],
);

/** A generated document: its canonical content and the hash printed (with the id) in its QR code. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    /** The party (a worker) a document is for, when it is per party. */
    partyId: uuid('party_id').references(() => caseParties.id),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_case_id_idx').on(t.caseId)],
);

export const serviceMethods = ['in_person', 'left_with_witness', 'post', 'electronic'] as const;
export type ServiceMethod = (typeof serviceMethods)[number];

/** 送达回证: how and when a document was served on a party. */
export const documentServices = pgTable(
  'document_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    method: text('method').$type<ServiceMethod>().notNull(),
    servedAt: timestamp('served_at', { withTimezone: true }).notNull(),
    /** Who received it or witnessed it being left. */
    receivedBy: text('received_by'),
    electronicConsent: boolean('electronic_consent').notNull().default(false),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('document_services_document_id_idx').on(t.documentId)],
);

/** How a case ended: the outcome, money claimed and recovered, and the details of a termination or a petition's reply. */
export const caseClosures = pgTable(
  'case_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    outcome: text('outcome').$type<ClosureOutcome>().notNull(),
    terminationKind: text('termination_kind').$type<TerminationKind>(),
    replyDecision: text('reply_decision').$type<ReplyDecision>(),
    reason: text('reason'),
    amountClaimed: numeric('amount_claimed', { precision: 14, scale: 2 }),
    amountRecovered: numeric('amount_recovered', { precision: 14, scale: 2 }),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
  },
  (t) => [index('case_closures_case_id_idx').on(t.caseId)],
);

/** 交办: a matter assigned to another body, which reports back by a date. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    destination: text('destination').notNull(),
    reportDueOn: date('report_due_on').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    report: text('report'),
  },
  (t) => [index('assignments_case_id_idx').on(t.caseId)],
);
