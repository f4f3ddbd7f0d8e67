import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { defaultChecklists } from '../../db/checklist-defaults';
import { checklistItems, checklistTemplates, evidenceFiles, panelMembers, users } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import type { Category } from '../domain/case-status';
import { readiness, type ChecklistStatus } from '../domain/checklist';
import { recordEvent } from './case-events';
import { ensureCan } from './case-lock';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

/** Gives a case its own evidence checklist from the center's template (or the defaults). */
export async function createChecklist(tx: Database, centerId: string, caseId: string, category: string) {
  const existing = await tx.select({ id: checklistItems.id }).from(checklistItems).where(eq(checklistItems.caseId, caseId)).limit(1);
  if (existing.length) return;
  const templates = await tx
    .select({ label: checklistTemplates.label })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.centerId, centerId), eq(checklistTemplates.category, category)))
    .orderBy(asc(checklistTemplates.sortOrder));
  const labels = templates.length ? templates.map((t) => t.label) : (defaultChecklists[category as Category] ?? defaultChecklists.other);
  await tx.insert(checklistItems).values(labels.map((label, i) => ({ centerId, caseId, label, sortOrder: i })));
}

export async function listChecklist(db: Database, access: CaseAccess) {
  const items = await db
    .select({
      id: checklistItems.id,
      label: checklistItems.label,
      status: checklistItems.status,
      evidenceId: checklistItems.evidenceId,
      assigneeId: checklistItems.assigneeId,
      assigneeName: users.displayName,
      dueOn: checklistItems.dueOn,
    })
    .from(checklistItems)
    .leftJoin(users, eq(users.id, checklistItems.assigneeId))
    .where(and(eq(checklistItems.caseId, access.caseId), eq(checklistItems.centerId, access.centerId)))
    .orderBy(asc(checklistItems.sortOrder));
  return { items, ...readiness(items) };
}

export interface ChecklistUpdate {
  itemId: string;
  status?: ChecklistStatus;
  assigneeId?: string | null;
  dueOn?: string | null;
  evidenceId?: string | null;
}

/** Marks an item provided (optionally by a file of the case) or assigns a missing one to a panel member with a due date. */
export async function updateChecklistItem(ctx: ServiceContext, access: CaseAccess, update: ChecklistUpdate) {
  ensureCan(access, 'update_checklist');
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.id, update.itemId), eq(checklistItems.caseId, access.caseId)))
      .for('update');
    if (!item) throw notFound();
    let assigneeName: string | null = null;
    if (update.assigneeId) {
      const [member] = await tx
        .select({ name: users.displayName })
        .from(panelMembers)
        .innerJoin(users, eq(users.id, panelMembers.userId))
        .where(and(eq(panelMembers.caseId, access.caseId), eq(panelMembers.userId, update.assigneeId), isNull(panelMembers.removedAt)));
      if (!member) throw new ServiceError('invalid', 'timeline.mentionNotOnPanel', { field: 'assigneeId' });
      assigneeName = member.name;
    }
    if (update.evidenceId) {
      const [file] = await tx
        .select({ id: evidenceFiles.id })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.id, update.evidenceId), eq(evidenceFiles.caseId, access.caseId)));
      if (!file) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'evidenceId' });
    }
    const status = update.evidenceId ? 'provided' : (update.status ?? item.status);
    await tx
      .update(checklistItems)
      .set({
        status,
        assigneeId: update.assigneeId === undefined ? item.assigneeId : update.assigneeId,
        dueOn: update.dueOn === undefined ? item.dueOn : update.dueOn,
        evidenceId: update.evidenceId === undefined ? item.evidenceId : update.evidenceId,
        updatedAt: ctx.now(),
      })
      .where(eq(checklistItems.id, item.id));
    const newlyAssigned = update.assigneeId && update.assigneeId !== item.assigneeId ? [update.assigneeId] : [];
    const dueOn = update.dueOn === undefined ? item.dueOn : update.dueOn;
    const event =
      status === 'provided' && item.status !== 'provided'
        ? { kind: 'checklist_provided' as const, payload: { label: item.label } }
        : { kind: 'checklist_updated' as const, payload: { label: item.label, assigneeName, dueOn: dueOn ?? null } };
    await recordEvent(tx, ctx, access, event, { users: newlyAssigned });
    return { id: item.id, status };
  });
}

/**
 * A party answers a missing checklist item with a file they added to this case: the item is
 * provided by that file, and whoever was to obtain it is told.
 */
export async function answerChecklistItem(ctx: ServiceContext, access: CaseAccess, input: { itemId: string; evidenceId: string }) {
  ensureCan(access, 'answer_checklist');
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.id, input.itemId), eq(checklistItems.caseId, access.caseId)))
      .for('update');
    if (!item) throw notFound();
    if (item.status === 'provided') throw new ServiceError('conflict', 'checklist.alreadyProvided');
    const [file] = await tx
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.id, input.evidenceId), eq(evidenceFiles.caseId, access.caseId), eq(evidenceFiles.uploadedBy, user.id)));
    if (!file) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'evidenceId' });
    await tx.update(checklistItems).set({ status: 'provided', evidenceId: file.id, updatedAt: ctx.now() }).where(eq(checklistItems.id, item.id));
    const lead = await tx
      .select({ userId: panelMembers.userId })
      .from(panelMembers)
      .where(and(eq(panelMembers.caseId, access.caseId), eq(panelMembers.isLead, true), isNull(panelMembers.removedAt)));
    const told = [...new Set([...(item.assigneeId ? [item.assigneeId] : []), ...lead.map((l) => l.userId)])];
    await recordEvent(tx, ctx, access, { kind: 'checklist_provided', payload: { label: item.label } }, { users: told });
    return { id: item.id, status: 'provided' as const };
  });
}
