import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users, warningSettings } from '../../db/schema';
import {
  centerWarningRules,
  defaultThresholds,
  defaultWarningSettings,
  fieldsOf,
  mergedThresholds,
  thresholdProblems,
  type CenterWarningRule,
  type Thresholds,
  type WarningSettings,
  warningOwnerRoles,
} from '../domain/warning-settings';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

export interface WarningOwner {
  id: string;
  name: string;
}

/**
 * A center's rules as they apply now (defaults where it set none), with each rule's owner. An
 * owner who has since been disabled owns nothing: their warnings fall back to the directors.
 */
export async function centerWarningSettings(db: Database, centerId: string): Promise<{ settings: WarningSettings; owners: Record<CenterWarningRule, WarningOwner | null> }> {
  const rows = await db
    .select({ rule: warningSettings.rule, enabled: warningSettings.enabled, thresholds: warningSettings.thresholds, ownerId: users.id, ownerName: users.displayName })
    .from(warningSettings)
    .leftJoin(users, and(eq(users.id, warningSettings.ownerId), eq(users.status, 'active')))
    .where(eq(warningSettings.centerId, centerId));
  const settings = { ...defaultWarningSettings };
  const owners = Object.fromEntries(centerWarningRules.map((rule) => [rule, null])) as Record<CenterWarningRule, WarningOwner | null>;
  for (const row of rows) {
    if (!centerWarningRules.includes(row.rule)) continue;
    settings[row.rule] = { enabled: row.enabled, thresholds: mergedThresholds(row.rule, row.thresholds) };
    owners[row.rule] = row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null;
  }
  return { settings, owners };
}

function staffOf(db: Database, centerId: string) {
  return db
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.centerId, centerId), eq(users.status, 'active'), inArray(users.role, [...warningOwnerRoles])))
    .orderBy(asc(users.role), asc(users.displayName));
}

/** The director's settings panel: every rule with its fields, defaults and owner, and the staff who may own one. */
export async function warningSettingsView(db: Database, user: { centerId: string | null }) {
  if (!user.centerId) throw notFound();
  const [{ settings, owners }, staff] = await Promise.all([centerWarningSettings(db, user.centerId), staffOf(db, user.centerId)]);
  return {
    rules: centerWarningRules.map((rule) => ({
      rule,
      enabled: settings[rule].enabled,
      fields: fieldsOf(rule),
      thresholds: settings[rule].thresholds,
      defaults: defaultThresholds[rule] as Thresholds,
      owner: owners[rule],
    })),
    staff,
  };
}

/**
 * The director sets one rule of their center: on or off, its thresholds, its owner (a staff
 * member of the center, or none for the directors). Refused field by field when a threshold is
 * not a whole number, too small, or red below yellow. Audited with the values (numbers and ids).
 */
export async function setWarningRule(ctx: ServiceContext, input: { rule: CenterWarningRule; enabled: boolean; thresholds: Thresholds; ownerId: string | null }) {
  const user = actingUser(ctx);
  const centerId = user.centerId;
  if (!centerId) throw notFound();
  const thresholds = Object.fromEntries(fieldsOf(input.rule).map((f) => [f, input.thresholds[f]])) as Thresholds;
  const [problem] = thresholdProblems(input.rule, thresholds);
  if (problem) throw new ServiceError('invalid', problem.message, { field: `thresholds.${problem.field}` });
  return ctx.db.transaction(async (tx) => {
    if (input.ownerId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.ownerId), eq(users.centerId, centerId), eq(users.status, 'active'), inArray(users.role, [...warningOwnerRoles])));
      if (!owner) throw new ServiceError('invalid', 'warnings.ownerNotOfCenter', { field: 'ownerId' });
    }
    const values = { enabled: input.enabled, thresholds, ownerId: input.ownerId, updatedBy: user.id, updatedAt: ctx.now() };
    await tx
      .insert(warningSettings)
      .values({ centerId, rule: input.rule, ...values })
      .onConflictDoUpdate({ target: [warningSettings.centerId, warningSettings.rule], set: values });
    await writeAudit(tx, {
      actor: ctx.actor,
      centerId,
      action: 'warning_setting.set',
      entityType: 'center',
      entityId: centerId,
      data: { rule: input.rule, enabled: input.enabled, thresholds, ownerId: input.ownerId },
    });
    return { rule: input.rule };
  });
}
