import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { ensureBudget, penalize } from '../auth/rate-limit';
import type { SessionClaims, SessionUser } from '../auth/session-user';
import type { UserStatus } from '../domain/roles';
import { maskPhone } from '../domain/phone';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

/** The staff of the admin's own center. */
export async function listCenterUsers(db: Database, admin: SessionUser) {
  if (!admin.centerId) return [];
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      phone: users.phone,
    })
    .from(users)
    .where(eq(users.centerId, admin.centerId))
    .orderBy(asc(users.role), asc(users.username));
  return rows.map((u) => ({ ...u, phone: u.phone ? maskPhone(u.phone) : null }));
}

/** Disabling a user also bumps their session version, which ends every session they hold. */
export async function setUserStatus(ctx: ServiceContext, input: { userId: string; status: UserStatus }) {
  const admin = actingUser(ctx);
  if (input.userId === admin.id) throw new ServiceError('invalid', 'admin.cannotDisableSelf');
  const centerId = admin.centerId;
  if (!centerId) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ status: input.status, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, input.userId), eq(users.centerId, centerId)))
      .returning({ id: users.id, status: users.status, centerId: users.centerId });
    if (!updated) throw notFound();
    await writeAudit(tx, {
      actor: ctx.actor,
      centerId: updated.centerId,
      action: input.status === 'disabled' ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: updated.id,
    });
    return { id: updated.id, status: updated.status };
  });
}

/** A new password ends the user's other sessions; the caller signs in again. */
export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const user = actingUser(ctx);
  const db = ctx.db;
  await ensureBudget(db, 'passwordChange', user.id, 'account.tooManyPasswordAttempts');
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await penalize(db, 'passwordChange', user.id);
    throw new ServiceError('invalid', 'account.wrongPassword', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { actor: ctx.actor, centerId: user.centerId, action: 'user.password_change', entityType: 'user', entityId: user.id });
  });
}

/** The signed-in user with their own phone (unmasked: it is theirs). */
export async function ownAccount(db: Database, user: SessionUser) {
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
  return { ...user, phone: row?.phone ?? null };
}

/**
 * Sign-out: bumps the session version the token carries, which ends this session and every
 * other one of the user (a JWT cannot be ended alone). A token that is already stale changes nothing.
 */
export async function endSession(db: Database, claims: SessionClaims): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, claims.userId), eq(users.sessionVersion, claims.sessionVersion)))
      .returning({ id: users.id, role: users.role, centerId: users.centerId, organizationId: users.organizationId, regionCode: users.regionCode, displayName: users.displayName });
    if (ended) await writeAudit(tx, { actor: { kind: 'user', user: ended }, centerId: ended.centerId, action: 'user.sign_out', entityType: 'user', entityId: ended.id });
  });
}
