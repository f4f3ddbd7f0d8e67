import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Visibility } from '../../server/domain/case-status';
import { cases } from './cases';
import { centers } from './centers';
import { users } from './users';

/**
 * Evidence files. Uploaded first (no case yet, owned by the uploader), then attached when the
 * petition is submitted, so a form never loses a file and a case never gets half its files.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id').references(() => centers.id),
    caseId: uuid('case_id').references(() => cases.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    /** Detected from the content, never taken from the name or the browser. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull().default('parties'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
    /** The retention sweep removed the file and its name; the row and its hash stay for the record. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [index('evidence_files_case_id_idx').on(t.caseId), index('evidence_files_uploaded_by_idx').on(t.uploadedBy)],
);
