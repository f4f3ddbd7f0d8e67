// `npm start`: prepare the database, build when needed, and serve. `npm run dev` serves in
// development mode instead. See README, "Configuration".
import { spawn } from 'node:child_process';
import path from 'node:path';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { appMode, dataDir, databaseUrl } from '../config';
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

const handle = await openConfiguredDatabase();
await migrateDatabase(handle);
const seeded = await seedDemo(handle.db);
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
    `  mode: ${appMode()}${seeded ? ' (demo center and accounts just created; see README)' : ''}`,
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
