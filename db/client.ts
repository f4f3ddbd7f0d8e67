import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one type both engines' drizzle instances satisfy; services take this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type EngineKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: EngineKind;
  close(): Promise<void>;
}

type Listener = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
const listeners = new WeakMap<Database, Listener>();

/**
 * LISTEN on a channel of the database behind `db` (both engines support LISTEN/NOTIFY).
 * Returns the function that stops listening.
 */
export function listenOn(db: Database, channel: string, onPayload: (payload: string) => void) {
  const listen = listeners.get(db);
  if (!listen) throw new Error('this database handle cannot listen');
  return listen(channel, onPayload);
}

/**
 * Rows of a raw SQL statement on either engine: postgres.js answers with an array of rows,
 * PGlite with `{ rows }`. The only place that difference is known.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `undefined` keeps the database in memory (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzle({ client, schema }) as unknown as Database;
    listeners.set(db, async (channel, onPayload) => {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    });
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  // The default 16 MB heap fails on real data volumes; see DESIGN.md.
  const client = await PGlite.create({
    dataDir: options.dataDir ? path.resolve(options.dataDir, 'pglite') : undefined,
    initialMemory: 256 * 1024 * 1024,
    extensions: { pg_trgm },
  });
  const db = drizzle({ client, schema }) as unknown as Database;
  listeners.set(db, (channel, onPayload) => client.listen(channel, onPayload));
  return { db, kind: 'pglite', close: () => client.close() };
}
