import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications, users } from '../../db/schema';
import { defaultLocale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { smsSender } from './sms';

/**
 * Tells users about something, on a case or about their account (no `caseId`): an inbox
 * entry each, and a text message through the SMS sender to those with a phone on file. Runs
 * inside the action's transaction.
 */
export async function notifyUsers(
  tx: Database,
  recipients: string[],
  note: { caseId?: string; kind: string; body: Record<string, string | number | boolean> },
): Promise<void> {
  const unique = [...new Set(recipients)];
  if (unique.length === 0) return;
  await tx.insert(notifications).values(unique.map((userId) => ({ userId, caseId: note.caseId ?? null, kind: note.kind, body: note.body })));
  const withPhone = await tx
    .select({ phone: users.phone })
    .from(users)
    .where(and(inArray(users.id, unique), isNotNull(users.phone)));
  if (withPhone.length === 0) return;
  const t = translator(defaultLocale);
  const text = t('notify.staff', { text: t(`inbox.${note.kind}`, Object.fromEntries(Object.entries(note.body).map(([k, v]) => [k, String(v)]))) });
  for (const { phone } of withPhone) await smsSender().send(tx, { phone: phone!, body: text });
}
