import { openDatabase, type DatabaseHandle } from '../db/client';
import { databaseTimeouts, dataDir, databasePoolSize, databaseUrl } from './config';

const globalForDb = globalThis as unknown as { oneWindowDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database. PGlite allows one process and one connection, so the server
 * keeps exactly one handle; it is opened on first use, never at import (the build imports
 * modules without a database).
 */
export function appDatabase(): Promise<DatabaseHandle> {
  globalForDb.oneWindowDb ??= openDatabase({ url: databaseUrl(), dataDir: dataDir(), maxConnections: databasePoolSize(), timeouts: databaseTimeouts() });
  return globalForDb.oneWindowDb;
}
