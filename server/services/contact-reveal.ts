import { and, eq } from 'drizzle-orm';
import { caseParties } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { decryptIdNumber } from '../pii';
import { writeAudit } from './audit';
import { ensureCan } from './case-lock';
import type { ServiceContext } from './context';
import { notFound } from './errors';

/**
 * One party's full ID number and phone, for someone who works the case and needs them now
 * (to call, to fill a court form). Every reveal is an audit row: who, when, which case, which
 * party — the numbers themselves never go into the log.
 */
export async function revealContact(ctx: ServiceContext, access: CaseAccess, input: { partyId: string }) {
  ensureCan(access, 'reveal_contact');
  return ctx.db.transaction(async (tx) => {
    const [party] = await tx
      .select({ id: caseParties.id, phone: caseParties.phone, idNumberEncrypted: caseParties.idNumberEncrypted })
      .from(caseParties)
      .where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, access.caseId), eq(caseParties.centerId, access.centerId)));
    if (!party) throw notFound();
    await writeAudit(tx, {
      actor: ctx.actor,
      centerId: access.centerId,
      action: 'party.reveal_contact',
      entityType: 'case_party',
      entityId: party.id,
      data: { caseId: access.caseId },
    });
    return { phone: party.phone, idNumber: party.idNumberEncrypted ? decryptIdNumber(party.idNumberEncrypted) : null };
  });
}
