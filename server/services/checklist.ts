import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { defaultChecklists } from '../../db/checklist-defaults';
import { cases, checklistItems, checklistTemplates, evidenceFiles, panelMembers, timelineEvents, users } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import type { Category } from '../domain/case-status';
import { readiness, type ChecklistStatus } from '../domain/checklist';
import { announceTimeline } from '../live';
import { notifyUsers } from '../notify/users';
import { writeAudit } from './audit';
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
export async function updateChecklistItem(db: Database, actor: SessionUser, access: CaseAccess, update: ChecklistUpdate) {
  if (access.relation.kind !== 'panel' && access.relation.kind !== 'center_staff') throw new ServiceError('forbidden', 'errors.forbidden');
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.id, update.itemId), eq(checklistItems.caseId, access.caseId)))
      .for('update');
    if (!item) throw notFound();
    if (update.assigneeId) {
      const [member] = await tx
        .select({ id: panelMembers.id })
        .from(panelMembers)
        .where(and(eq(panelMembers.caseId, access.caseId), eq(panelMembers.userId, update.assigneeId), isNull(panelMembers.removedAt)));
      if (!member) throw new ServiceError('invalid', 'timeline.mentionNotOnPanel', { field: 'assigneeId' });
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
        updatedAt: new Date(),
      })
      .where(eq(checklistItems.id, item.id));
    if (update.assigneeId && update.assigneeId !== item.assigneeId && update.assigneeId !== actor.id) {
      const [row] = await tx.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, access.caseId));
      await notifyUsers(tx, [update.assigneeId], {
        caseId: access.caseId,
        kind: 'checklist',
        body: { caseNumber: row!.caseNumber, label: item.label, dueOn: update.dueOn ?? item.dueOn ?? '' },
      });
    }
    await tx.insert(timelineEvents).values({
      centerId: access.centerId,
      caseId: access.caseId,
      kind: status === 'provided' && item.status !== 'provided' ? 'checklist_provided' : 'checklist_updated',
      visibility: 'panel',
      actorId: actor.id,
      body: { label: item.label },
    });
    await announceTimeline(tx, access.caseId);
    await writeAudit(tx, { actorId: actor.id, centerId: access.centerId, action: 'checklist.update', entityType: 'checklist_item', entityId: item.id, data: { ...update } });
    return { id: item.id, status };
  });
}
