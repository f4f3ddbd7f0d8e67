import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../../db/client';
import { rateLimits } from '../../db/schema';
import { ServiceError } from '../services/errors';

/**
 * Limits live in the database (rate-limiter-flexible's Drizzle store), so every server
 * instance shares them and they work on PGlite and PostgreSQL alike.
 */
export const limits = {
  /** Failed sign-ins per account name, whether or not the account exists. */
  signInAccount: { points: 5, duration: 15 * 60 },
  /** Failed sign-ins per address; high, since a center's window terminals share one address. */
  signInIp: { points: 50, duration: 15 * 60 },
  /** One SMS code per phone a minute. */
  codePhone: { points: 1, duration: 60 },
  /** Codes requested from one address per hour. */
  codeIp: { points: 20, duration: 60 * 60 },
  /** Public case look-ups from one address per ten minutes: enough for a family, too few to guess. */
  trackIp: { points: 20, duration: 10 * 60 },
} as const;
export type LimitName = keyof typeof limits;

const limiters = new WeakMap<Database, Map<LimitName, RateLimiterDrizzle>>();

function limiter(db: Database, name: LimitName): RateLimiterDrizzle {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    found = new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: name, ...limits[name] });
    byName.set(name, found);
  }
  return found;
}

function tooMany(res: RateLimiterRes, messageKey: string): ServiceError {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  return new ServiceError('rate_limited', messageKey, { values: { minutes } });
}

/** Counts one event; refuses when the budget is spent. */
export async function consume(db: Database, name: LimitName, key: string, messageKey: string): Promise<void> {
  try {
    await limiter(db, name).consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw tooMany(err, messageKey);
    throw err;
  }
}

/** Refuses when the budget is already spent, without counting. */
export async function ensureBudget(db: Database, name: LimitName, key: string, messageKey: string): Promise<void> {
  const res = await limiter(db, name).get(key);
  if (res && res.remainingPoints <= 0) throw tooMany(res, messageKey);
}

/** Counts one event without refusing; a later `ensureBudget` refuses once the budget is spent. */
export async function penalize(db: Database, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).penalty(key, 1);
}

export async function forgive(db: Database, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).delete(key);
}
