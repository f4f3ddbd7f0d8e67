import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications, users } from '../../db/schema';
import { defaultLocale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { smsSender } from './sms';

/**
 * Tells a person something about their account (not about a case): an inbox entry naming
 * its catalog message, rendered in the reader's language when read, and a text message to
 * the phone on file. Runs inside the caller's transaction.
 */
export async function notifyAccount(tx: Database, userId: string, message: { key: string; values?: Record<string, string | number> }): Promise<void> {
  await tx.insert(notifications).values({ userId, caseId: null, kind: 'account', body: { key: message.key, values: message.values ?? {} } });
  const [user] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, userId));
  if (!user?.phone) return;
  const t = translator(defaultLocale);
  await smsSender().send(tx, { phone: user.phone, body: t('notices.sms', { text: t(message.key, message.values) }) });
}
