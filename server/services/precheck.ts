import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { findDuplicates } from './duplicates';

export interface PrecheckInput {
  centerId: string;
  title?: string;
  description?: string;
  respondent?: { name: string; creditCode?: string };
}

/**
 * What a petitioner sees before submitting: open cases they are a party to that look like
 * the same matter, with where each stands. Never anyone else's cases.
 */
export async function precheckPetition(db: Database, user: SessionUser, input: PrecheckInput) {
  const [account] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
  const candidates = await findDuplicates(db, {
    centerId: input.centerId,
    idNumberHashes: [],
    phones: account?.phone ? [account.phone] : [],
    respondentName: input.respondent?.name,
    respondentCreditCode: input.respondent?.creditCode,
    text: `${input.title ?? ''} ${input.description ?? ''}`.trim(),
  });
  if (candidates.length === 0) return [];
  const mine = await db
    .selectDistinct({ caseId: caseParties.caseId })
    .from(caseParties)
    .where(and(eq(caseParties.userId, user.id), inArray(caseParties.caseId, candidates.map((c) => c.id))));
  const own = new Set(mine.map((m) => m.caseId));
  // Being the same person is not enough here: people bring more than one dispute.
  return candidates
    .filter((c) => own.has(c.id) && (c.reasons.includes('same_respondent') || c.reasons.includes('similar_text')))
    .map(({ createdBy: _createdBy, ...c }) => c);
}
