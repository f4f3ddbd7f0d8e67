// `npm run db:backup [-- --out <directory>]`: the configured database (PostgreSQL through
// pg_dump, or the embedded one — stop the app first) and the uploaded files, with a manifest
// to check a restore against. Default directory: backups/onewindow-<date>-<time>.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BackupError, createBackup } from '../backup';
import { dataDir, databaseUrl } from '../config';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const out = path.resolve(z.string().min(1).parse(values.out ?? path.join('backups', `onewindow-${stamp}`)));
try {
  const manifest = await createBackup({ url: databaseUrl(), dataDir: dataDir() }, out);
  const rows = Object.values(manifest.facts.rows).reduce((a, b) => a + b, 0);
  console.log(`backup of the ${manifest.engine === 'postgres' ? 'PostgreSQL' : 'embedded'} database written to ${out}`);
  console.log(`  ${rows} rows in ${Object.keys(manifest.facts.rows).length} tables, ${Object.keys(manifest.facts.chains).length} audit chains, ${manifest.files.length} files`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`backup failed: ${error.message}`);
  process.exitCode = 1;
}
