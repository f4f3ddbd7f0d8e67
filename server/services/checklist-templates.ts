import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { defaultChecklists } from '../../db/checklist-defaults';
import { checklistTemplates } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import type { Category } from '../domain/case-status';
import { writeAudit } from './audit';
import { actingUser, type ServiceContext } from './context';
import { ServiceError } from './errors';

/** The admin's view of a category's evidence checklist: the center's own, or the defaults. */
export async function checklistTemplateFor(db: Database, admin: SessionUser, category: string) {
  const own = admin.centerId
    ? await db
        .select({ label: checklistTemplates.label })
        .from(checklistTemplates)
        .where(and(eq(checklistTemplates.centerId, admin.centerId), eq(checklistTemplates.category, category)))
        .orderBy(asc(checklistTemplates.sortOrder))
    : [];
  if (own.length) return { custom: true, labels: own.map((o) => o.label) };
  return { custom: false, labels: defaultChecklists[category as Category] ?? defaultChecklists.other };
}

/** Replaces the center's checklist for a category; cases keep the copy they were given. */
export async function setChecklistTemplate(ctx: ServiceContext, input: { category: string; labels: string[] }) {
  const centerId = actingUser(ctx).centerId;
  if (!centerId) throw new ServiceError('forbidden', 'errors.forbidden');
  return ctx.db.transaction(async (tx) => {
    await tx.delete(checklistTemplates).where(and(eq(checklistTemplates.centerId, centerId), eq(checklistTemplates.category, input.category)));
    if (input.labels.length) {
      await tx.insert(checklistTemplates).values(input.labels.map((label, i) => ({ centerId, category: input.category, label, sortOrder: i })));
    }
    await writeAudit(tx, { actor: ctx.actor, centerId, action: 'checklist_template.set', entityType: 'center', entityId: centerId, data: input });
    return { category: input.category, count: input.labels.length };
  });
}
