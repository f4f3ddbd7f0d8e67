import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { preparedPerHandle } from '../../db/prepared';
import { users } from '../../db/schema';
import type { Role } from '../domain/roles';

/** What a signed session token claims; trusted only after `resolveSessionUser` checks it. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

export interface SessionUser {
  id: string;
  role: Role;
  centerId: string | null;
  organizationId: string | null;
  regionCode: string | null;
  displayName: string;
}

/** The columns a session check reads; the case procedures read them in their relation query too. */
export const sessionUserColumns = {
  id: users.id,
  role: users.role,
  centerId: users.centerId,
  organizationId: users.organizationId,
  regionCode: users.regionCode,
  displayName: users.displayName,
  status: users.status,
  sessionVersion: users.sessionVersion,
};

type SessionUserRow = SessionUser & { status: 'active' | 'disabled'; sessionVersion: number };

const sessionUserQuery = preparedPerHandle((db) =>
  db
    .select(sessionUserColumns)
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('session_user'),
);

/**
 * Runs on every request: a disabled user, or a token minted before the user's session
 * version was bumped (disable, password change), yields no user at all.
 */
export async function resolveSessionUser(db: Database, claims: SessionClaims | null): Promise<SessionUser | null> {
  if (!claims) return null;
  const [row] = await sessionUserQuery(db).execute({ userId: claims.userId });
  return checkedSessionUser(row, claims);
}

/** The user a session row stands for, if it is still active and its version still the token's. */
export function checkedSessionUser(row: SessionUserRow | undefined, claims: SessionClaims): SessionUser | null {
  if (!row || row.status !== 'active' || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: row.id,
    role: row.role,
    centerId: row.centerId,
    organizationId: row.organizationId,
    regionCode: row.regionCode,
    displayName: row.displayName,
  };
}
