import { attachReplica, openDatabase, type DatabaseHandle } from '../db/client';
import { databaseReplicaUrl, databaseTimeouts, dataDir, databasePoolSize, databaseUrl } from './config';

const globalForDb = globalThis as unknown as { oneWindowDb?: Promise<DatabaseHandle>; oneWindowBackgroundDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database. PGlite allows one process and one connection, so the server
 * keeps exactly one handle; it is opened on first use, never at import (the build imports
 * modules without a database).
 */
export function appDatabase(): Promise<DatabaseHandle> {
  globalForDb.oneWindowDb ??= openAppDatabase();
  return globalForDb.oneWindowDb;
}

async function openAppDatabase(): Promise<DatabaseHandle> {
  const options = { maxConnections: databasePoolSize(), timeouts: databaseTimeouts() };
  const primary = await openDatabase({ ...options, url: databaseUrl(), dataDir: dataDir() });
  const replicaUrl = databaseReplicaUrl();
  if (!replicaUrl) return primary;
  const replica = await openDatabase({ ...options, url: replicaUrl });
  attachReplica(primary.db, replica.db);
  return { ...primary, close: () => Promise.all([primary.close(), replica.close()]).then(() => {}) };
}

/**
 * Where the background work runs (the sweeps, the rollup's refresh, the sealer): on PostgreSQL
 * a small pool of its own, so a burst of background queries neither takes the windows'
 * connections nor leaves them broken when the database goes away mid-burst (in the fault test
 * requests right after recovery drew connections the background had left half-open); on the
 * embedded database the one handle there is.
 */
export function backgroundDatabase(): Promise<DatabaseHandle> {
  if (!databaseUrl()) return appDatabase();
  globalForDb.oneWindowBackgroundDb ??= openDatabase({ url: databaseUrl(), maxConnections: 3, timeouts: databaseTimeouts() });
  return globalForDb.oneWindowBackgroundDb;
}
