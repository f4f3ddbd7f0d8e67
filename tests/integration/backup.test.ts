import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows } from '../../db/client';
import { schemaTables } from '../../db/case-tables';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { BackupError, createBackup, restoreBackup, type DataLocation } from '../../server/backup';
import { listFiles } from '../../server/backup/files';
import { sealAuditChains, verifyAuditChains } from '../../server/services/audit-chain';
import { localDiskStorage } from '../../server/storage';
import { callerAs, jiashanCenterId, submitNew, tinyPng, wagePetition } from './harness';

// On the engine the suite runs on: PGlite by default, PostgreSQL (pg_dump) when TEST_DATABASE_URL is set.
const server = process.env.TEST_DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-backup-'));
const databases: string[] = [];
let admin: postgres.Sql | undefined;

async function location(name: string): Promise<DataLocation> {
  const dataDir = path.join(tmp, name);
  if (!server) return { dataDir };
  admin ??= postgres(server, { max: 1, onnotice: () => {} });
  const db = `onewindow_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${db}`);
  databases.push(db);
  const url = new URL(server);
  url.pathname = `/${db}`;
  return { url: url.toString(), dataDir };
}

/** Every table's rows, the audit chains and the files of a location, read independently of the backup code. */
async function snapshot(where: DataLocation) {
  const handle = await openDatabase({ url: where.url, dataDir: where.dataDir, maxConnections: 1 });
  try {
    const rows: Record<string, number> = {};
    for (const { name } of schemaTables()) rows[name] = (await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from "${name}"`)))[0]!.n;
    const audit = await verifyAuditChains(handle.db);
    return { rows, audit, files: listFiles(path.join(where.dataDir, 'files')) };
  } finally {
    await handle.close();
  }
}

let source: DataLocation;
let target: DataLocation;

beforeAll(async () => {
  source = await location('source');
  target = await location('target');
  const handle = await openDatabase({ url: source.url, dataDir: source.dataDir, maxConnections: 2 });
  try {
    await migrateDatabase(handle);
    await seedDemo(handle.db);
    const centerId = await jiashanCenterId(handle.db);
    const petitioner = await callerAs(handle.db, '13800000001');
    await submitNew(petitioner, wagePetition(centerId));
    await submitNew(petitioner, wagePetition(centerId, { title: '另一件事：物业费纠纷', respondent: { kind: 'organization', name: '某物业公司' }, category: 'property_management' }));
    const files = localDiskStorage(path.join(source.dataDir, 'files'));
    await files.put(tinyPng());
    await files.put(Buffer.from('%PDF-1.4 a contract'));
    await sealAuditChains(handle.db);
  } finally {
    // The embedded database admits one process: the backup opens it itself.
    await handle.close();
  }
});

afterAll(async () => {
  for (const db of databases) await admin!.unsafe(`drop database if exists ${db} with (force)`);
  await admin?.end();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`backup and restore (${server ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('round-trips every table, the audit chains and the uploaded files', async () => {
    const before = await snapshot(source);
    expect(before.audit.chains.length).toBeGreaterThan(0);
    expect(before.files).toHaveLength(2);

    const manifest = await createBackup(source, path.join(tmp, 'backup'));
    expect(manifest.facts.rows).toEqual(before.rows);
    const restored = await restoreBackup(path.join(tmp, 'backup'), target);
    expect(restored.problems).toEqual([]);

    const after = await snapshot(target);
    expect(after.rows).toEqual(before.rows);
    expect(after.audit).toEqual(before.audit);
    expect(after.audit.ok).toBe(true);
    expect(after.files).toEqual(before.files);
  });

  it('refuses to restore over data that is already there, or into a directory that is not empty', async () => {
    await expect(restoreBackup(path.join(tmp, 'backup'), target)).rejects.toBeInstanceOf(BackupError);
    await expect(createBackup(source, path.join(tmp, 'backup'))).rejects.toBeInstanceOf(BackupError);
  });
});
