// `npm start`: prepare the database, build when needed, and serve. `npm run dev` serves in
// development mode instead. See README, "Configuration".
import { spawn } from 'node:child_process';
import path from 'node:path';
import { migrateDatabase } from '../../db/migrate';
import { settleCaseFacts } from '../services/case-facts';
import { refreshPlannerStatistics } from '../../db/statistics';
import { appMode, dataDir, databaseUrl } from '../config';
import { ModeMismatch, prepareInstallation } from '../services/installation';
import { secrets } from '../secrets';
import { buildIfStale } from './build';
import { openConfiguredDatabase } from './open';

const dev = process.argv.includes('--dev');
const port = process.env.PORT || '3000';
const tsxBin = path.resolve('node_modules/.bin/tsx');

if (databaseUrl() && (!process.env.AUTH_SECRET || !process.env.DATA_KEY)) {
  console.error('With DATABASE_URL set, AUTH_SECRET and DATA_KEY must be set too (see README, Configuration).');
  process.exit(1);
}
// Embedded mode: generated once, kept under the data directory, handed to the server.
const { authSecret, dataKey } = secrets();
const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: authSecret, DATA_KEY: dataKey, PORT: port };
// Without a fixed public URL, next-auth builds its URLs from the Host header of each request.
if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST ??= 'true';

const mode = appMode();
const handle = await openConfiguredDatabase();
await migrateDatabase(handle);
await settleCaseFacts(handle.db);
let prepared: { seeded: boolean; empty: boolean };
try {
  prepared = await prepareInstallation(handle.db, mode, process.argv.includes('--change-mode'));
} catch (error) {
  if (!(error instanceof ModeMismatch)) throw error;
  console.error(
    `\n  This database was first started in ${error.recorded} mode; ONEWINDOW_MODE now asks for ${error.requested}.\n` +
      `  本数据库首次以 ${error.recorded} 模式启动，现在要求 ${error.requested} 模式。\n` +
      '  If that is really meant, start once with `npm start -- --change-mode`. A demo database holds demo accounts with public passwords.\n',
  );
  await handle.close();
  process.exit(1);
}
const { seeded, empty } = prepared;
// A new demo gets a year of history, so the director's figures are not zeros (ONEWINDOW_DEMO_HISTORY=off skips it).
if (seeded && process.env.ONEWINDOW_DEMO_HISTORY !== 'off') {
  console.log('  writing a year of demo history (about half a minute, once)…');
  const { writeDemoHistory } = await import('../services/demo-history');
  const { cases } = await writeDemoHistory(handle.db);
  console.log(`  ${cases} demo cases written`);
}
if (seeded) await refreshPlannerStatistics(handle);
await handle.close(); // PGlite admits one process: the server opens it next.

if (!dev) buildIfStale(env);

const engine =
  handle.kind === 'pglite'
    ? `embedded PGlite in ${path.resolve(dataDir())} — for trials, training and a small single site; set DATABASE_URL for PostgreSQL`
    : 'PostgreSQL (DATABASE_URL)';
console.log(
  [
    '',
    `  OneWindow 一窗 — http://localhost:${port}`,
    `  database: ${engine}`,
    mode === 'demo'
      ? `  mode: DEMO 演示模式 — demo accounts with a public password, SMS codes shown on screen; not for real cases${seeded ? ' (demo center and accounts just created; see README)' : ''}`
      : '  mode: production',
    ...(empty ? ['  no center yet: create the first one with `npm run db:bootstrap` (see README)'] : []),
    '',
  ].join('\n'),
);

// Our own server rather than `next start`: it tells the app each connection's real address.
const server = spawn(tsxBin, ['server/cli/serve.ts', ...(dev ? ['--dev'] : [])], {
  stdio: 'inherit',
  env: { ...env, NODE_ENV: dev ? 'development' : 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
