import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, timelineEvents, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { newTrackingCode } from '../domain/case-number';
import type { Category } from '../domain/case-status';
import { writeAudit } from './audit';
import { nextCaseNumber } from './case-numbers';
import { ServiceError } from './errors';

export interface PetitionInput {
  centerId: string;
  category: Category;
  title: string;
  description: string;
}

export interface RegisteredCase {
  id: string;
  caseNumber: string;
  trackingCode: string;
}

/** A signed-in petitioner's own online petition: registers the case with them as applicant. */
export async function submitPetition(db: Database, petitioner: SessionUser, input: PetitionInput): Promise<RegisteredCase> {
  return db.transaction(async (tx) => {
    const [center] = await tx.select({ id: centers.id }).from(centers).where(eq(centers.id, input.centerId));
    if (!center) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'centerId' });
    const [account] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, petitioner.id));
    const now = new Date();
    const caseNumber = await nextCaseNumber(tx, center.id, now);
    const [row] = await tx
      .insert(cases)
      .values({
        centerId: center.id,
        caseNumber,
        trackingCode: newTrackingCode(),
        status: 'registered',
        category: input.category,
        title: input.title,
        description: input.description,
        channel: 'online',
        createdBy: petitioner.id,
        registeredAt: now,
      })
      .returning({ id: cases.id, caseNumber: cases.caseNumber, trackingCode: cases.trackingCode });
    const created = row!;
    await tx.insert(caseParties).values({
      centerId: center.id,
      caseId: created.id,
      userId: petitioner.id,
      role: 'applicant',
      name: petitioner.displayName,
      phone: account?.phone ?? null,
    });
    await tx.insert(timelineEvents).values({
      centerId: center.id,
      caseId: created.id,
      kind: 'registered',
      visibility: 'parties',
      actorId: petitioner.id,
      body: { channel: 'online' },
      createdAt: now,
    });
    await writeAudit(tx, {
      actorId: petitioner.id,
      centerId: center.id,
      action: 'case.register',
      entityType: 'case',
      entityId: created.id,
      data: { caseNumber, channel: 'online' },
    });
    return created;
  });
}
