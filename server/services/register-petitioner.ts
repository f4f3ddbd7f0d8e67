import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { writeAudit } from './audit';
import { ServiceError } from './errors';
import { markCodeUsed, verifyPhoneCode } from './phone-codes';

export interface PetitionerRegistration {
  phone: string;
  code: string;
  name: string;
  password: string;
}

/** Creates a petitioner account for a phone number proven by an SMS code. */
export async function registerPetitioner(db: Database, input: PetitionerRegistration): Promise<{ userId: string }> {
  const codeId = await verifyPhoneCode(db, input.phone, 'register', input.code);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await markCodeUsed(tx, codeId);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, input.phone)).limit(1);
    if (taken) throw new ServiceError('conflict', 'auth.phoneTaken', { field: 'phone' });
    const [user] = await tx
      .insert(users)
      .values({ role: 'petitioner', phone: input.phone, displayName: input.name, passwordHash })
      .returning({ id: users.id, role: users.role, displayName: users.displayName });
    // Applicants a clerk registered with this phone before the person had an account can now follow their cases.
    await tx
      .update(caseParties)
      .set({ userId: user!.id })
      .where(and(eq(caseParties.phone, input.phone), eq(caseParties.role, 'applicant'), isNull(caseParties.userId)));
    const self = { ...user!, centerId: null, organizationId: null, regionCode: null };
    await writeAudit(tx, { actor: { kind: 'user', user: self }, action: 'user.register', entityType: 'user', entityId: user!.id });
    return { userId: user!.id };
  });
}
