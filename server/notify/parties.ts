import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, notifications } from '../../db/schema';
import { defaultLocale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { smsSender } from './sms';

/**
 * Tells a case's applicants that something happened: an inbox entry for those with an
 * account, a text message to every applicant phone. Runs inside the action's transaction.
 */
export async function notifyApplicants(
  tx: Database,
  caseId: string,
  kind: string,
  message: { key: string; values: Record<string, string | number> },
): Promise<void> {
  const applicants = await tx
    .select({ userId: caseParties.userId, phone: caseParties.phone })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'applicant')));
  const userIds = [...new Set(applicants.flatMap((a) => (a.userId ? [a.userId] : [])))];
  if (userIds.length) {
    await tx.insert(notifications).values(userIds.map((userId) => ({ userId, caseId, kind, body: { ...message } })));
  }
  // Text messages go out in Chinese: the phone, not the browser, is all we know of the person.
  const body = translator(defaultLocale)(message.key, message.values);
  for (const phone of new Set(applicants.flatMap((a) => (a.phone ? [a.phone] : [])))) {
    await smsSender().send(tx, { phone, body });
  }
}
