import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SessionOutcome, SessionStatus } from '../../server/domain/sessions';
import { caseParties, caseScoped } from './cases';
import { centers } from './centers';
import { users } from './users';


/** One mediation meeting, in a room of the center or online. */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room'),
    onlineLink: text('online_link'),
    status: text('status').$type<SessionStatus>().notNull().default('scheduled'),
    minutes: text('minutes'),
    outcome: text('outcome').$type<SessionOutcome>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Double-booking checks look at one center's sessions by time.
    index('mediation_sessions_center_id_starts_at_idx').on(t.centerId, t.startsAt),
    index('mediation_sessions_case_id_idx').on(t.caseId),
  ],
);

/** Who is expected: panel members (userId) and parties (partyId). */
export const sessionAttendees = pgTable(
  'session_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => mediationSessions.id),
    userId: uuid('user_id').references(() => users.id),
    partyId: uuid('party_id').references(() => caseParties.id),
  },
  (t) => [index('session_attendees_session_id_idx').on(t.sessionId), index('session_attendees_user_id_idx').on(t.userId)],
);
