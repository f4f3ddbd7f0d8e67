import { and, eq, isNull } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import {
  agreements,
  agreementTerms,
  assignments,
  caseClosures,
  caseParties,
  cases,
  caseVisits,
  documents,
  documentServices,
  evidenceFiles,
  judicialConfirmations,
  followUpVisits,
  ratings,
  rectifications,
  reviewRequests,
  supervisionOrders,
  mediationSessions,
  timelineEvents,
} from '../../db/schema';
import { erasedDocumentContent } from '../domain/documents';
import { erasedText, erasePayload } from '../domain/erasure';
import { evidenceFileName } from '../domain/evidence-types';

export interface ErasureTarget {
  centerId: string;
  caseId: string;
  now: Date;
}

/** Erases one table's personal data of a case in the sweep's transaction; returns the rows touched and files to remove after commit. */
export type Eraser = (tx: Database, target: ErasureTarget) => Promise<{ rows: number; files?: string[] }>;

const scope = <T extends { centerId: unknown; caseId: unknown }>(table: T, target: ErasureTarget) =>
  and(eq(table.centerId as never, target.centerId), eq(table.caseId as never, target.caseId));

/** An eraser that overwrites the given columns of every row of the case. */
function overwrite<T extends PgTable & { id: PgColumn; centerId: PgColumn; caseId: PgColumn }>(table: T, values: PgUpdateSetSource<T>): Eraser {
  return async (tx, target) => {
    const rows = await tx.update(table).set(values).where(scope(table, target)).returning({ id: table.id });
    return { rows: rows.length };
  };
}

/**
 * What happens to each table of case data when a case's retention period ends: an eraser,
 * or why the table holds nothing personal. A test fails for a table of case data missing
 * here, so a new table is decided on the day it is added. `cases` goes last: it records that
 * the erasure is done.
 */
export const personalDataPlan: [table: string, plan: Eraser | string][] = [
  ['case_parties', async (tx, target) => {
    const rows = await tx
      .update(caseParties)
      .set({ name: erasedText, normalizedName: '', phone: null, idNumberHash: null, idNumberEncrypted: null, creditCode: null, userId: null })
      .where(scope(caseParties, target))
      .returning({ id: caseParties.id });
    return { rows: rows.length };
  }],
  ['timeline_events', async (tx, target) => {
    const events = await tx.select({ id: timelineEvents.id, kind: timelineEvents.kind, body: timelineEvents.body }).from(timelineEvents).where(scope(timelineEvents, target));
    for (const event of events) {
      await tx.update(timelineEvents).set({ body: erasePayload(event.kind, event.body) }).where(and(eq(timelineEvents.id, event.id), eq(timelineEvents.centerId, target.centerId)));
    }
    return { rows: events.length };
  }],
  ['case_visits', overwrite(caseVisits, { note: null })],
  ['mediation_sessions', overwrite(mediationSessions, { minutes: null, onlineLink: null })],
  ['evidence_files', async (tx, target) => {
    // The row and its SHA-256 stay (what was filed, and proof of its content); the file and its name go.
    const files = await tx
      .select({ id: evidenceFiles.id, storageKey: evidenceFiles.storageKey, mimeType: evidenceFiles.mimeType })
      .from(evidenceFiles)
      .where(and(scope(evidenceFiles, target), isNull(evidenceFiles.erasedAt)));
    for (const file of files) {
      await tx.update(evidenceFiles).set({ fileName: evidenceFileName('', file.mimeType), erasedAt: target.now }).where(eq(evidenceFiles.id, file.id));
    }
    return { rows: files.length, files: files.map((f) => f.storageKey) };
  }],
  // Agreements keep their number, kind, state and dates; terms keep kind, amount and due date (performance statistics).
  ['agreements', overwrite(agreements, { facts: erasedText, issues: erasedText, responsibility: erasedText, oralContent: null })],
  ['agreement_terms', overwrite(agreementTerms, { description: erasedText, place: null, guarantor: null, onDefault: null })],
  ['agreement_marks', 'who marked (party and staff ids), how and when'],
  ['payments', 'amounts, dates and ids; the proof is an evidence file, erased there'],
  ['term_alerts', 'a term, a threshold and a date'],
  ['judicial_confirmations', overwrite(judicialConfirmations, { venueReason: erasedText, rejectionReason: null })],
  // The hash stays: a paper still in someone's hands verifies as issued, with its content gone.
  ['documents', overwrite(documents, { content: erasedDocumentContent })],
  ['document_services', overwrite(documentServices, { receivedBy: null })],
  ['case_closures', overwrite(caseClosures, { reason: null })],
  ['assignments', overwrite(assignments, { report: null })],
  // The level, tags and dates stay (the satisfaction rate); what the rater and the director wrote goes.
  ['ratings', overwrite(ratings, { comment: null })],
  ['rectifications', overwrite(rectifications, { callbackNote: null, verificationNote: null, report: null, appealNote: null })],
  ['rating_links', 'a token hash, a party id and dates'],
  ['follow_up_visits', overwrite(followUpVisits, { measures: null })],
  ['review_requests', overwrite(reviewRequests, { decisionNote: null })],
  ['supervision_orders', overwrite(supervisionOrders, { instruction: erasedText, response: null })],
  ['checklist_items', 'labels name kinds of documents from the center’s template; assignees are staff'],
  ['case_links', 'two case ids'],
  ['case_clocks', 'dates, lengths and extensions'],
  ['clock_pauses', 'dates and a reason from a fixed list (the note is on the timeline, erased there)'],
  ['clock_alerts', 'a clock, a threshold and a date'],
  ['panel_members', 'staff acting in office, and dates'],
  ['session_attendees', 'ids only'],
  ['idempotency_keys', 'random keys and ids'],
  ['notifications', 'point at the event (erased there); no text of their own about the case'],
  ['case_facts', 'the dashboard’s rollup of the case: dates, codes, counts and the panel lead’s staff id'],
  ['case_fact_marks', 'a case id and a counter'],
  ['cases', async (tx, target) => {
    // Category, amounts, dates, status, track and channel stay: the statistics need them.
    const rows = await tx
      .update(cases)
      .set({ title: erasedText, description: '', request: '', location: null, legalHoldReason: null, personalDataErasedAt: target.now })
      .where(and(eq(cases.id, target.caseId), eq(cases.centerId, target.centerId)))
      .returning({ id: cases.id });
    return { rows: rows.length };
  }],
];
