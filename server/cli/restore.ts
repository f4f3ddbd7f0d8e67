// `npm run db:restore -- --from <backup directory> [--force]`: restores into the configured
// database (DATABASE_URL: an empty PostgreSQL database; else the embedded one in DATA_DIR)
// and DATA_DIR/files, then checks rows, audit chains and files against the manifest.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BackupError, restoreBackup } from '../backup';
import { dataDir, databaseUrl } from '../config';

const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false } } });
const from = z.string().min(1).safeParse(values.from);
if (!from.success) {
  console.error('Usage: npm run db:restore -- --from <backup directory> [--force]');
  process.exit(1);
}
try {
  const { manifest, problems } = await restoreBackup(path.resolve(from.data), { url: databaseUrl(), dataDir: dataDir() }, { force: values.force });
  if (problems.length) {
    console.error(`restored, but it does not match the backup of ${manifest.createdAt}:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log(`restored the backup of ${manifest.createdAt}: every table's rows, ${Object.keys(manifest.facts.chains).length} audit chains and ${manifest.files.length} files match`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`restore failed: ${error.message}`);
  process.exitCode = 1;
}
