import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ChecklistStatus } from '../../server/domain/checklist';
import { caseScoped } from './cases';
import { centers } from './centers';
import { evidenceFiles } from './evidence';
import { users } from './users';

/** The evidence a center expects for a kind of dispute; each case gets its own copy. */
export const checklistTemplates = pgTable(
  'checklist_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    category: text('category').notNull(),
    label: text('label').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('checklist_templates_center_id_category_idx').on(t.centerId, t.category)],
);

export const checklistItems = pgTable(
  'checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    label: text('label').notNull(),
    status: text('status').$type<ChecklistStatus>().notNull().default('missing'),
    /** The file that provides it, when there is one. */
    evidenceId: uuid('evidence_id').references(() => evidenceFiles.id),
    /** The panel member who will obtain a missing item, and by when. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    dueOn: date('due_on'),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('checklist_items_case_id_idx').on(t.caseId)],
);
