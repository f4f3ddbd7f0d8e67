import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only record of every write: who did what to which row. The database refuses UPDATE,
 * DELETE and TRUNCATE on it (triggers in the `reliability` migration). It holds ids, codes
 * and hashes, never personal data, so it outlives the erasure of a case's personal data.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id'),
    actorId: uuid('actor_id'),
    /** Set instead of actorId when the system acted. */
    actorSystem: text('actor_system'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_entity_id_idx').on(t.entityId)],
);

/**
 * Audit rows not yet linked into their chain: filled by an insert trigger on audit_log,
 * emptied by the sealer. Writers never wait for the chain; the sealer links rows right after
 * they commit.
 */
export const auditPending = pgTable(
  'audit_pending',
  {
    auditId: uuid('audit_id').primaryKey(),
    /** The chain: the row's center, or the nil UUID for installation-wide rows. */
    chainId: uuid('chain_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The sealer takes one chain's waiting rows, oldest first.
  (t) => [index('audit_pending_chain_id_created_at_idx').on(t.chainId, t.createdAt)],
);

/**
 * The hash chains, one per center: link `seq` seals one audit row with the hash of its
 * canonical form and the previous link's hash (server/domain/audit-hash.ts). Insert-only like
 * the log itself. A changed row breaks its link's hash; a deleted row leaves a link without
 * its row; a deleted link leaves a gap in `seq`.
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    chainId: uuid('chain_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    auditId: uuid('audit_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.seq] }), uniqueIndex('audit_seals_audit_id_idx').on(t.auditId)],
);
