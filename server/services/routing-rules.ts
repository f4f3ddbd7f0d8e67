import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { routingRules } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import type { OrganizationKind, Role } from '../domain/roles';
import { checkPanel, rulesFor, type RoutingRule } from '../domain/routing';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { ServiceError } from './errors';

/** The admin's view: the center's own rules for a category, or the defaults it falls back on. */
export async function routingRulesFor(db: Database, admin: SessionUser, category: string) {
  if (!admin.centerId) return { custom: false, rules: rulesFor(category, null) };
  const own = await db
    .select({ role: routingRules.role, isLead: routingRules.isLead, organizationKind: routingRules.organizationKind, condition: routingRules.condition })
    .from(routingRules)
    .where(and(eq(routingRules.centerId, admin.centerId), eq(routingRules.category, category)))
    .orderBy(asc(routingRules.sortOrder));
  return { custom: own.length > 0, rules: rulesFor(category, own) };
}

/** Replaces the center's rules for one category (an empty list goes back to the defaults). */
export async function setRoutingRules(
  ctx: ServiceContext,
  input: { category: string; rules: { role: Role; isLead: boolean; organizationKind?: OrganizationKind; condition?: string }[] },
) {
  const centerId = actingUser(ctx).centerId;
  if (!centerId) throw new ServiceError('forbidden', 'errors.forbidden');
  if (input.rules.length) {
    const shape = checkPanel(input.rules.map((r, i) => ({ userId: `${r.role}:${i}`, isLead: r.isLead })));
    if (shape === 'one_lead') throw new ServiceError('invalid', 'panel.one_lead', { field: 'rules' });
  }
  return ctx.db.transaction(async (tx) => {
    await tx.delete(routingRules).where(and(eq(routingRules.centerId, centerId), eq(routingRules.category, input.category)));
    if (input.rules.length) {
      await tx.insert(routingRules).values(
        input.rules.map((r: RoutingRule, i) => ({
          centerId,
          category: input.category,
          role: r.role,
          isLead: r.isLead,
          organizationKind: r.organizationKind ?? null,
          condition: r.condition ?? null,
          sortOrder: i,
        })),
      );
    }
    await writeAudit(tx, { actor: ctx.actor, centerId, action: 'routing_rules.set', entityType: 'center', entityId: centerId, data: input });
    return { category: input.category, count: input.rules.length };
  });
}
