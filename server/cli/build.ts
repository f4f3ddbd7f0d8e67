import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const nextBin = path.resolve('node_modules/.bin/next');
const marker = path.resolve('.next/onewindow-source-hash');

/** Builds when there is no build, or when any source file changed since the last one. */
export function buildIfStale(env: NodeJS.ProcessEnv, force = false): void {
  const current = sourceHash();
  const built = fs.existsSync('.next/BUILD_ID') && fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '';
  if (!force && built === current) return;
  console.log('Building the app…');
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(marker, current);
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const files = ['package-lock.json', 'next.config.js', 'tsconfig.json', 'postcss.config.mjs', 'proxy.ts'];
  for (const dir of ['app', 'server', 'db']) collect(dir, files);
  for (const file of files.sort()) {
    if (fs.existsSync(file)) hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

function collect(dir: string, into: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full, into);
    else into.push(full);
  }
}

// `npm run build`: always build, and record what was built so `npm start` does not redo it.
if (import.meta.url === `file://${process.argv[1]}`) buildIfStale(process.env, true);
