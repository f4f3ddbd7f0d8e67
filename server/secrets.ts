import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, databaseUrl } from './config';

interface Secrets {
  authSecret: string;
  dataKey: string;
}

let cached: Secrets | undefined;

/**
 * AUTH_SECRET signs sessions; DATA_KEY keys the hashes of one-time codes and ID numbers and the encryption of ID numbers.
 * With PostgreSQL both must be set; on the embedded database they are generated on first
 * start and kept in the data directory so sessions survive a restart.
 */
export function secrets(): Secrets {
  if (cached) return cached;
  const fromEnv = { authSecret: process.env.AUTH_SECRET, dataKey: process.env.DATA_KEY };
  if (fromEnv.authSecret && fromEnv.dataKey) {
    cached = { authSecret: fromEnv.authSecret, dataKey: fromEnv.dataKey };
    return cached;
  }
  if (databaseUrl() && process.env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET and DATA_KEY must be set when DATABASE_URL is used');
  }
  const file = path.resolve(dataDir(), 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  const next: Secrets = {
    authSecret: fromEnv.authSecret ?? stored.authSecret ?? randomBytes(32).toString('base64url'),
    dataKey: fromEnv.dataKey ?? stored.dataKey ?? randomBytes(32).toString('base64url'),
  };
  if (next.authSecret !== stored.authSecret || next.dataKey !== stored.dataKey) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(next), { mode: 0o600 });
  }
  cached = next;
  return cached;
}
