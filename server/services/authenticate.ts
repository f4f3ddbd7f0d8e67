import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { verifyAgainstNothing, verifyPassword } from '../auth/password';
import { ensureBudget, forgive, penalize } from '../auth/rate-limit';
import type { SessionClaims } from '../auth/session-user';
import { isMobile } from '../domain/phone';
import type { Role } from '../domain/roles';
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

/**
 * Checks a sign-in. Every failure reads the same whether the account exists or not, takes
 * the same time, and counts against both the account name and the address.
 */
export async function authenticate(db: Database, credentials: Credentials): Promise<Authenticated> {
  const name = credentials.username.trim().toLowerCase();
  if (!name || !credentials.password || name.length > 64 || credentials.password.length > 256) throw invalid();
  await ensureBudget(db, 'signInAccount', name, 'auth.tooManyAttempts');
  await ensureBudget(db, 'signInIp', credentials.ip, 'auth.tooManyAttempts');

  const byPhone = isMobile(name);
  const [user] = await db
    .select()
    .from(users)
    .where(byPhone ? and(eq(users.phone, name), eq(users.role, 'petitioner')) : eq(users.username, name))
    .limit(1);

  const ok = user ? await verifyPassword(user.passwordHash, credentials.password) : (await verifyAgainstNothing(credentials.password), false);
  if (!user || !ok) {
    await penalize(db, 'signInAccount', name);
    await penalize(db, 'signInIp', credentials.ip);
    throw invalid();
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.status !== 'active') throw new ServiceError('forbidden', 'auth.accountDisabled');
  await forgive(db, 'signInAccount', name);
  return {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    role: user.role,
    centerId: user.centerId,
    displayName: user.displayName,
  };
}
