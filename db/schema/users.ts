import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role, UserStatus } from '../../server/domain/roles';
import { centers, organizations } from './centers';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').$type<Role>().notNull(),
    /** Staff belong to one center; petitioners and supervisors to none. */
    centerId: uuid('center_id').references(() => centers.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** Supervisors see every center whose region code falls under this one. */
    regionCode: text('region_code'),
    username: text('username'),
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status').$type<UserStatus>().notNull().default('active'),
    /** Bumped to end every session of the user (disable, password change). */
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    // Petitioners sign in with their phone, so it must identify one account.
    uniqueIndex('users_phone_idx').on(t.phone),
    index('users_center_id_idx').on(t.centerId),
  ],
);
