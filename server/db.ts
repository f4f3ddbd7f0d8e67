import { attachReplica, openDatabase, type DatabaseHandle } from '../db/client';
import { databaseReplicaUrl, databaseTimeouts, dataDir, databasePoolSize, databaseUrl } from './config';

const globalForDb = globalThis as unknown as { oneWindowDb?: Promise<DatabaseHandle> };

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
