import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { withReplicas, type PgDatabase, type PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { claimDataDir } from './pglite-lock';
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

const reporting = new WeakMap<Database, Database>();

/**
 * Give `primary` a read replica for reporting: from then on `reportingOf(primary)` answers
 * drizzle's `withReplicas` pair, whose selects go to the replica and whose writes, raw
 * statements and transactions go to the primary.
 */
export function attachReplica(primary: Database, replica: Database): void {
  reporting.set(primary, withReplicas(primary, [replica]) as unknown as Database);
}

/** Where reports read: the replica attached to `db`, else `db` itself. */
export function reportingOf(db: Database): Database {
  return reporting.get(db) ?? db;
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

type Reserver = <T>(work: (connection: Database) => Promise<T>) => Promise<T>;
const reservers = new WeakMap<Database, Reserver>();
const held = new WeakMap<Database, { pool: Database; client: PostgresClient }>();

/** For a database given by `onOneConnection`: the pool it came from and its connection's client. */
export function heldConnection(db: Database): { pool: Database; client: unknown } | undefined {
  return held.get(db);
}

/**
 * Runs `work` on one connection of the pool, held for it, outside any transaction: the
 * statements it issues together are written to that connection without waiting in between
 * and answered in one round trip (on the pool they would each take a connection and a round
 * trip of their own). For a flight of reads that need no transaction. On PGlite, and inside a
 * transaction (already one connection), `work` gets `db` itself.
 */
export function onOneConnection<T>(db: Database, work: (connection: Database) => Promise<T>): Promise<T> {
  const reserve = reservers.get(db);
  return reserve ? reserve(work) : work(db);
}

/**
 * Rows of a raw SQL statement on either engine: postgres.js answers with an array of rows,
 * PGlite with `{ rows }`. The only place that difference is known.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/**
 * Errors that mean the connection itself is gone (closed, reset, or the server ending it), as
 * opposed to a statement failing on a connection that lives on.
 */
const connectionLostCodes: ReadonlySet<string> = new Set([
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  // the socket
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  // PostgreSQL: admin_shutdown, crash_shutdown
  '57P01',
  '57P02',
]);

/** Whether the error (or one it wraps) says the connection is gone; SQLSTATE class 08 too. */
export function connectionLost(error: unknown): boolean {
  return wrapsDatabaseError(error, (e) => typeof e.code === 'string' && (connectionLostCodes.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)));
}

type DatabaseErrorFields = { code?: unknown; constraint?: unknown; constraint_name?: unknown; detail?: unknown };

/** Whether `error`, or an error it wraps (drizzle wraps the driver's), matches. */
function wrapsDatabaseError(error: unknown, matches: (fields: DatabaseErrorFields) => boolean): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (matches(e as DatabaseErrorFields)) return true;
  }
  return false;
}

/** Whether the error (or one it wraps) is PostgreSQL refusing a duplicate of this unique constraint. */
export function violatesUnique(error: unknown, constraint: string): boolean {
  // postgres.js names it constraint_name, PGlite constraint.
  return wrapsDatabaseError(error, (e) => e.code === '23505' && (e.constraint_name ?? e.constraint) === constraint);
}

/** Whether the error is a statement's `require_true(…, reason)` failing (migration 0023). */
export function failedRequirement(error: unknown, reason: string): boolean {
  return wrapsDatabaseError(error, (e) => e.code === 'P0001' && e.detail === reason);
}

/** The rows of a raw statement's answer, from either engine. */
export function rowsOf<T extends Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `undefined` keeps the database in memory (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /**
   * PostgreSQL only: give up connecting after this many seconds, and let the server cancel a
   * statement (and end a transaction left idle) after these many milliseconds, so no request
   * waits on a database that is gone. Unset: the drivers' defaults (no limits), which the
   * command-line scripts keep (a migration may take long).
   */
  timeouts?: { connectSeconds: number; statementMs: number; idleInTransactionMs: number };
}

type PostgresClient = import('postgres').Sql;

/**
 * drizzle sends every statement it has not been told to prepare as an unnamed one, which
 * postgres.js runs in two round trips when it has parameters (describe, then execute). Asked to
 * prepare, postgres.js parses each distinct statement once per connection and from then on
 * binds and executes it in one round trip; a statement invalidated by a migration is re-prepared
 * by postgres.js itself. So every statement with parameters is prepared, in transactions too.
 * Behind PgBouncer in transaction mode this needs PgBouncer 1.21+ with `max_prepared_statements`
 * (see README).
 */
function preparingStatements<T extends PostgresClient>(client: T): T {
  const unsafe = client.unsafe;
  client.unsafe = ((query: string, args?: unknown[], options?: Record<string, unknown>) =>
    unsafe(query, args as never, { ...options, prepare: args !== undefined && args.length > 0 ? true : (options?.prepare as boolean | undefined) })) as T['unsafe'];
  const begin = client.begin;
  if (begin) {
    client.begin = ((...params: unknown[]) => {
      const fn = params.pop() as (tx: PostgresClient) => unknown;
      return (begin as (...p: unknown[]) => Promise<unknown>)(...params, (tx: PostgresClient) => fn(preparingStatements(tx)));
    }) as T['begin'];
  }
  const savepoint = (client as unknown as { savepoint?: (...p: unknown[]) => Promise<unknown> }).savepoint;
  if (savepoint) {
    (client as unknown as { savepoint: unknown }).savepoint = (...params: unknown[]) => {
      const fn = params.pop() as (tx: PostgresClient) => unknown;
      return savepoint(...params, (tx: PostgresClient) => fn(preparingStatements(tx)));
    };
  }
  return client;
}

/**
 * A drizzle database over one reserved connection, sharing `db`'s dialect and schema (as
 * drizzle's own transactions do): `drizzle()` would derive the relational schema again, about
 * 0.3 ms per request.
 */
function overConnection(driver: typeof import('drizzle-orm/postgres-js'), db: Database, connection: PostgresClient): Database {
  const internals = db as unknown as { dialect: PgDialect; _: { fullSchema: Record<string, unknown>; schema: unknown; tableNamesMap: Record<string, string> } };
  const schemaConfig = { fullSchema: internals._.fullSchema, schema: internals._.schema, tableNamesMap: internals._.tableNamesMap };
  const session = new driver.PostgresJsSession(connection, internals.dialect, schemaConfig as never, {});
  return new driver.PostgresJsDatabase(internals.dialect, session, schemaConfig as never) as unknown as Database;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const driver = await import('drizzle-orm/postgres-js');
    const limits = options.timeouts;
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: {
        // JIT compiles a costly-looking plan's expressions to machine code; for the app's
        // statements, a few thousand rows at most, compiling takes longer than it saves (a
        // center's early-warning read: 187 ms with it, 85 ms without).
        jit: 'off',
        ...(limits && { statement_timeout: limits.statementMs, idle_in_transaction_session_timeout: limits.idleInTransactionMs }),
      },
      ...(limits && {
        connect_timeout: limits.connectSeconds,
        // postgres.js waits longer after each failed connection (up to 20 s) while requests
        // queue behind it; at most a second here, so each waiting request fails fast (a refused
        // connection costs a stopped server nothing) and the first one after it is back succeeds.
        backoff: (retries: number) => Math.min(0.1 * retries, 1),
      }),
    });
    const db = driver.drizzle({ client: preparingStatements(client), schema }) as unknown as Database;
    reservers.set(db, async (work) => {
      const reserved = await client.reserve();
      let lost = false;
      try {
        const connectionClient = preparingStatements(reserved);
        const connection = overConnection(driver, db, connectionClient);
        held.set(connection, { pool: db, client: connectionClient });
        return await work(connection);
      } catch (error) {
        lost = connectionLost(error);
        throw error;
      } finally {
        // postgres.js has already put a connection that closed back among its closed ones;
        // released, it would go to the idle ones with no socket, and the next statement given
        // to it would never be answered.
        if (!lost) reserved.release();
      }
    });
    listeners.set(db, async (channel, onPayload) => {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    });
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = options.dataDir ? path.resolve(options.dataDir, 'pglite') : undefined;
  const release = dataDir ? claimDataDir(dataDir) : () => {};
  // The default 16 MB heap fails on real data volumes.
  const client = await PGlite.create({
    dataDir,
    initialMemory: 256 * 1024 * 1024,
    extensions: { pg_trgm },
  });
  const db = drizzle({ client, schema }) as unknown as Database;
  listeners.set(db, (channel, onPayload) => client.listen(channel, onPayload));
  return { db, kind: 'pglite', close: () => client.close().finally(release) };
}
