import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { verifyAuditChains } from '../services/audit-chain';
import { BackupError, dumpPglite, dumpPostgres, restorePglite, restorePostgres } from './engines';
import { compareFacts, type DatabaseFacts } from './facts';
import { compareFiles, copyFiles, listFiles, type FileFact } from './files';

export { BackupError };

/** Where the data lives: PostgreSQL (url) or the embedded database; uploaded files under dataDir/files either way. */
export interface DataLocation {
  url?: string;
  dataDir: string;
}

export interface BackupManifest {
  format: 'onewindow-backup/1';
  createdAt: string;
  engine: 'postgres' | 'pglite';
  /** The database dump in the backup directory: pg_dump's custom format, or PGlite's gzipped data directory. */
  database: string;
  facts: DatabaseFacts;
  files: FileFact[];
}

/**
 * A backup directory: the database dump, the uploaded files (files/), and manifest.json with
 * the row count of every table, the head of every audit chain and the hash of every file —
 * what a restore is checked against.
 */
export async function createBackup(source: DataLocation, outDir: string): Promise<BackupManifest> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new BackupError(`${outDir} is not empty: choose a new directory for the backup`);
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const engine = source.url ? 'postgres' : 'pglite';
  const database = engine === 'postgres' ? 'database.dump' : 'database.tar.gz';
  const dumpFile = path.join(outDir, database);
  let facts: DatabaseFacts;
  try {
    facts = source.url ? await dumpPostgres(source.url, dumpFile) : await dumpPglite(source.dataDir, dumpFile);
  } catch (error) {
    // No half-written backup is left to be mistaken for one.
    fs.rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  // After the dump: every file a dumped row points at was written before its row committed.
  copyFiles(path.join(source.dataDir, 'files'), path.join(outDir, 'files'));
  // The embedded database keeps its generated keys beside it: without DATA_KEY the restored ID
  // numbers could not be read nor the audit chains verified. (On PostgreSQL the keys are the
  // operator's environment, kept apart from the data.)
  const secretsFile = path.join(source.dataDir, 'secrets.json');
  if (!source.url && fs.existsSync(secretsFile)) fs.copyFileSync(secretsFile, path.join(outDir, 'secrets.json'));
  const manifest: BackupManifest = { format: 'onewindow-backup/1', createdAt: new Date().toISOString(), engine, database, facts, files: listFiles(path.join(outDir, 'files')) };
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/**
 * An embedded backup's keys go with its data. Checked before anything is restored (other keys
 * already in the target are not overwritten silently); copied by the returned function.
 */
function secretsRestorer(fromDir: string, dataDir: string, force: boolean): () => void {
  const from = path.join(fromDir, 'secrets.json');
  if (!fs.existsSync(from)) return () => {};
  const to = path.join(dataDir, 'secrets.json');
  const differs = fs.existsSync(to) && fs.readFileSync(to, 'utf8') !== fs.readFileSync(from, 'utf8');
  if (differs && !force) throw new BackupError(`${to} holds other keys than the backup's: restore into another DATA_DIR, or pass --force (they are kept aside)`);
  return () => {
    if (differs) fs.renameSync(to, `${to}.replaced-${Date.now()}`);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, 0o600);
  };
}

/**
 * Restores a backup into an empty target (or, with force, over what it holds: an embedded
 * database and the files are kept aside, a PostgreSQL database is replaced), then checks it:
 * every table's rows, every audit chain (its head, and every link verified), every file.
 * Returns the differences found; none means the restore is complete.
 */
export async function restoreBackup(fromDir: string, target: DataLocation, options: { force?: boolean } = {}): Promise<{ manifest: BackupManifest; problems: string[] }> {
  const manifestFile = path.join(fromDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${fromDir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== 'onewindow-backup/1') throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  const engine = target.url ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) {
    throw new BackupError(`this is a backup of the ${manifest.engine === 'postgres' ? 'PostgreSQL' : 'embedded'} database; restore it with DATABASE_URL ${manifest.engine === 'postgres' ? 'set' : 'unset'}`);
  }
  const filesDir = path.join(target.dataDir, 'files');
  if (fs.existsSync(filesDir) && fs.readdirSync(filesDir).length > 0) {
    if (!options.force) throw new BackupError(`${filesDir} already holds files: restore into another DATA_DIR, or pass --force (they are kept aside)`);
    fs.renameSync(filesDir, `${filesDir}.replaced-${Date.now()}`);
  }
  const restoreKeys = secretsRestorer(fromDir, target.dataDir, Boolean(options.force));
  const dumpFile = path.join(fromDir, manifest.database);
  const facts = target.url ? await restorePostgres(target.url, dumpFile, Boolean(options.force)) : await restorePglite(dumpFile, target.dataDir, Boolean(options.force));
  copyFiles(path.join(fromDir, 'files'), filesDir);
  restoreKeys();

  const problems = [...compareFacts(manifest.facts, facts), ...compareFiles(manifest.files, listFiles(filesDir))];
  const handle = await openDatabase({ url: target.url, dataDir: target.dataDir, maxConnections: 1 });
  try {
    const audit = await verifyAuditChains(handle.db);
    for (const chain of audit.chains.filter((c) => c.broken)) problems.push(`audit chain ${chain.chainId} broken at link ${chain.broken!.seq} (${chain.broken!.problem})`);
  } finally {
    await handle.close();
  }
  return { manifest, problems };
}
