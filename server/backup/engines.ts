import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows } from '../../db/client';
import { claimDataDir } from '../../db/pglite-lock';
import { databaseFacts, type DatabaseFacts } from './facts';

/** A refusal or failure the operator can act on; printed as is. */
export class BackupError extends Error {}

const exec = promisify(execFile);

/** pg_dump and pg_restore come with the PostgreSQL client tools, not with this app. */
async function tool(name: 'pg_dump' | 'pg_restore', args: string[]) {
  try {
    await exec(name, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new BackupError(`${name} was not found. Install the PostgreSQL client tools of the server's major version (Debian/Ubuntu: apt-get install postgresql-client-<version>), then run this again.`);
    }
    throw new BackupError(`${name} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** The facts of a database that holds the app's tables; one that does not is refused in words. */
async function appFacts(run: Parameters<typeof databaseFacts>[0]): Promise<DatabaseFacts> {
  try {
    return await databaseFacts(run);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') throw new BackupError('this database does not hold OneWindow’s tables (never migrated?): nothing to back up');
    throw error;
  }
}

/**
 * pg_dump in the custom format, inside a read-only snapshot that the row counts and chain
 * heads are read from too, so the manifest describes exactly what was dumped even while the
 * app keeps writing.
 */
export async function dumpPostgres(url: string, file: string): Promise<DatabaseFacts> {
  await tool('pg_dump', ['--version']);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await client.begin('isolation level repeatable read read only', async (tx) => {
      const [{ snapshot }] = (await tx`select pg_export_snapshot() as snapshot`) as unknown as [{ snapshot: string }];
      const facts = await appFacts((query) => tx.unsafe(query) as unknown as Promise<Record<string, unknown>[]>);
      await tool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--file', file, '--dbname', url]);
      return facts;
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** pg_restore into an empty database (or, with force, over an existing one), all or nothing. */
export async function restorePostgres(url: string, file: string, force: boolean): Promise<DatabaseFacts> {
  await tool('pg_restore', ['--version']);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ tables }] = (await client`select count(*)::int as tables from pg_tables where schemaname in ('public', 'drizzle')`) as unknown as [{ tables: number }];
    if (tables > 0 && !force) throw new BackupError('the target database is not empty: restore into a new, empty database (createdb), or pass --force to replace what it holds');
    await tool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', ...(force ? ['--clean', '--if-exists'] : []), '--dbname', url, file]);
    return await databaseFacts((query) => client.unsafe(query) as unknown as Promise<Record<string, unknown>[]>);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** PGlite's own dump of its data directory (a gzipped tar); the app must be stopped (one process per data directory). */
export async function dumpPglite(dataDir: string, file: string): Promise<DatabaseFacts> {
  if (!fs.existsSync(path.resolve(dataDir, 'pglite'))) throw new BackupError(`there is no embedded database in ${path.resolve(dataDir, 'pglite')}`);
  const handle = await openDatabase({ dataDir });
  try {
    const facts = await appFacts((query) => queryRows(handle.db, sql.raw(query)));
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    return facts;
  } finally {
    await handle.close();
  }
}

/** Loads a PGlite dump into a data directory that has no database yet (with force, the old one is kept aside). */
export async function restorePglite(file: string, dataDir: string, force: boolean): Promise<DatabaseFacts> {
  const dir = path.resolve(dataDir, 'pglite');
  const release = claimDataDir(dir);
  try {
    if (fs.existsSync(dir)) {
      if (!force) throw new BackupError(`${dir} already holds a database: restore into another DATA_DIR, or pass --force (the current one is kept aside)`);
      fs.renameSync(dir, `${dir}.replaced-${Date.now()}`);
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]), extensions: { pg_trgm } });
    await client.close();
  } finally {
    release();
  }
  const handle = await openDatabase({ dataDir });
  try {
    return await databaseFacts((query) => queryRows(handle.db, sql.raw(query)));
  } finally {
    await handle.close();
  }
}
