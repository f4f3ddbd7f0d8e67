import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../../db/client';
import { rateLimits } from '../../db/schema';
import { ServiceError } from '../services/errors';

/**
 * Limits live in the database (rate-limiter-flexible's Drizzle store), so every server
 * instance shares them and they work on PGlite and PostgreSQL alike.
 */
export const limits = {
  /**
   * Failed sign-ins per account name and address, whether or not the account exists. Keyed on
   * both, so nobody can lock an account from elsewhere; at the owner's own address the lock is
   * a growing delay instead (see `signInDelay`).
   */
  signInAccount: { points: 5, duration: 15 * 60 },
  /** The wait before the next try at the owner's address, set by `block` after each failure. */
  signInDelay: { points: 1, duration: 15 * 60 },
  /** Addresses an account signed in from successfully lately: the owner's addresses. */
  knownAddress: { points: 1, duration: 90 * 24 * 60 * 60 },
  /** Failures on one account from anywhere; the owner is told once this many are reached per window. */
  signInAlert: { points: 5, duration: 60 * 60 },
  /** Failed sign-ins per address; high, since a center's window terminals share one address. */
  signInIp: { points: 50, duration: 15 * 60 },
  /** Wrong current passwords per signed-in user: a stolen session must not become a password oracle. */
  passwordChange: { points: 5, duration: 15 * 60 },
  /** One SMS code per phone a minute. */
  codePhone: { points: 1, duration: 60 },
  /** Codes requested from one address per hour. */
  codeIp: { points: 20, duration: 60 * 60 },
  /** Public case look-ups from one address per ten minutes: enough for a family, too few to guess. */
  trackIp: { points: 20, duration: 10 * 60 },
  /** Rating links opened or used from one address per ten minutes: a link is unguessable; this stops trying. */
  ratingLinkIp: { points: 30, duration: 10 * 60 },
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
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new ServiceError('rate_limited', messageKey, { values: { seconds, minutes: Math.ceil(seconds / 60) } });
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

/**
 * Counts one event without refusing; a later `ensureBudget` refuses once the budget is spent.
 * Returns how many were counted in the current window.
 */
export async function penalize(db: Database, name: LimitName, key: string): Promise<number> {
  return (await limiter(db, name).penalty(key, 1)).consumedPoints;
}

/** Spends the whole budget for `seconds`: the next `ensureBudget` refuses until then. */
export async function block(db: Database, name: LimitName, key: string, seconds: number): Promise<void> {
  await limiter(db, name).block(key, seconds);
}

/** Whether anything was counted for the key in its current window. */
export async function isCounted(db: Database, name: LimitName, key: string): Promise<boolean> {
  const res = await limiter(db, name).get(key);
  return (res?.consumedPoints ?? 0) > 0;
}

export async function forgive(db: Database, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).delete(key);
}
