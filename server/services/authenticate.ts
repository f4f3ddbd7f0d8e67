import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { verifyAgainstNothing, verifyPassword } from '../auth/password';
import { block, ensureBudget, forgive, isCounted, penalize } from '../auth/rate-limit';
import type { SessionClaims } from '../auth/session-user';
import { isMobile } from '../domain/phone';
import type { Role } from '../domain/roles';
import { freeFailures, isPlausibleLogin, signInDelaySeconds } from '../domain/sign-in';
import { notifyAccount } from '../notify/account';
import { writeAudit } from './audit';
import { ServiceError } from './errors';

export interface Credentials {
  /** A staff username, or a petitioner's phone number. */
  username: string;
  password: string;
  ip: string;
}

export interface Authenticated extends SessionClaims {
  role: Role;
  centerId: string | null;
  displayName: string;
}

const invalid = () => new ServiceError('unauthorized', 'auth.invalidCredentials');
const tooMany = 'auth.tooManyAttempts';

/**
 * Checks a sign-in. Every failure reads the same whether the account exists or not (or the
 * name could not even be one), takes the same time, and counts against the address and
 * against the account at that address. See `limits` for how each count answers.
 */
export async function authenticate(db: Database, credentials: Credentials): Promise<Authenticated> {
  const name = credentials.username.trim().toLowerCase();
  const { ip, password } = credentials;
  await ensureBudget(db, 'signInIp', ip, tooMany);
  if (!isPlausibleLogin(name) || !password || password.length > 256) {
    await verifyAgainstNothing(password.slice(0, 256));
    await penalize(db, 'signInIp', ip);
    throw invalid();
  }

  const byPhone = isMobile(name);
  const [user] = await db
    .select()
    .from(users)
    .where(byPhone ? and(eq(users.phone, name), eq(users.role, 'petitioner')) : eq(users.username, name))
    .limit(1);
  const accountKey = `${name}|${ip}`;
  const ownersAddress = user ? await isCounted(db, 'knownAddress', `${user.id}|${ip}`) : false;
  if (ownersAddress) await ensureBudget(db, 'signInDelay', accountKey, 'auth.slowDown');
  else await ensureBudget(db, 'signInAccount', accountKey, tooMany);

  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstNothing(password), false);
  if (!user || !ok) {
    await penalize(db, 'signInIp', ip);
    const failures = await penalize(db, 'signInAccount', accountKey);
    if (ownersAddress && failures >= freeFailures) await block(db, 'signInDelay', accountKey, signInDelaySeconds(failures));
    if (user) {
      await signInAudit(db, user, 'user.sign_in_failed');
      await alertOwner(db, user.id);
    }
    throw invalid();
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.status !== 'active') {
    await signInAudit(db, user, 'user.sign_in_refused');
    throw new ServiceError('forbidden', 'auth.accountDisabled');
  }
  await forgive(db, 'signInAccount', accountKey);
  await forgive(db, 'signInDelay', accountKey);
  await penalize(db, 'knownAddress', `${user.id}|${ip}`);
  await signInAudit(db, user, 'user.sign_in');
  return {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    role: user.role,
    centerId: user.centerId,
    displayName: user.displayName,
  };
}

/** Sign-ins and failed ones of a known account, with no address or name in the row (see writeAudit). */
function signInAudit(db: Database, user: typeof users.$inferSelect, action: 'user.sign_in' | 'user.sign_in_failed' | 'user.sign_in_refused') {
  return writeAudit(db, { actor: { kind: 'user', user }, centerId: user.centerId, action, entityType: 'user', entityId: user.id });
}

/** Tells the owner, once per window, that someone keeps failing to sign in as them. */
async function alertOwner(db: Database, userId: string): Promise<void> {
  if ((await penalize(db, 'signInAlert', userId)) !== freeFailures) return;
  await db.transaction((tx) => notifyAccount(tx, userId, { key: 'inbox.signInFailures' }));
}
