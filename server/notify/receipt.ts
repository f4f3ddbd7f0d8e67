import type { Database } from '../../db/client';
import { localDateOf } from '../domain/calendar';
import { defaultLocale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import { smsSender } from './sms';

/**
 * The receipt of a registration by SMS to every applicant phone: the case number, the
 * tracking code the public page asks for, and when the acceptance decision is due.
 */
export async function sendReceipt(
  tx: Database,
  receipt: { phones: string[]; caseNumber: string; trackingCode: string; acceptanceDueAt: Date | null },
): Promise<void> {
  const tools = renderTools(defaultLocale);
  const body = tools.t('notices.receipt', {
    caseNumber: receipt.caseNumber,
    trackingCode: receipt.trackingCode,
    due: receipt.acceptanceDueAt ? tools.date(localDateOf(receipt.acceptanceDueAt)) : '—',
  });
  for (const phone of new Set(receipt.phones)) await smsSender().send(tx, { phone, body });
}
