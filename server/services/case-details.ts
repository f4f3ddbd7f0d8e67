import { eq, sql } from 'drizzle-orm';
import { cases } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { editableCaseFields } from '../domain/case-events';
import { recordEvent } from './case-events';
import { ensureCan, staleVersion } from './case-lock';
import type { ServiceContext } from './context';
import { notFound } from './errors';

export interface CaseDetailsEdit {
  expectedVersion: number;
  title?: string;
  description?: string;
  request?: string;
  amountInDispute?: string | null;
}

/**
 * Corrects a case's facts. The edit carries the version the editor saw; if anyone changed
 * the case since, it is refused with who and when, never silently overwritten.
 */
export async function updateCaseDetails(ctx: ServiceContext, access: CaseAccess, edit: CaseDetailsEdit) {
  ensureCan(access, 'update_details');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, access.caseId)).for('update');
    if (!row) throw notFound();
    if (row.version !== edit.expectedVersion) throw await staleVersion(tx, row);
    const changes = Object.fromEntries(editableCaseFields.filter((k) => edit[k] !== undefined && edit[k] !== row[k]).map((k) => [k, edit[k]]));
    if (Object.keys(changes).length === 0) return { version: row.version, changed: [] as string[] };
    await tx
      .update(cases)
      .set({ ...changes, updatedAt: ctx.now(), version: sql`${cases.version} + 1` })
      .where(eq(cases.id, row.id));
    const fields = Object.keys(changes) as (typeof editableCaseFields)[number][];
    await recordEvent(tx, ctx, access, {
      kind: 'details_updated',
      payload: {
        fields,
        before: Object.fromEntries(fields.map((k) => [k, row[k] ?? null])),
        after: Object.fromEntries(fields.map((k) => [k, (changes[k] as string | null | undefined) ?? null])),
      },
    });
    return { version: row.version + 1, changed: Object.keys(changes) };
  });
}
