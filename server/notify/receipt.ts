import { localDateOf } from '../domain/calendar';
import { defaultLocale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import { caseNumberSlot } from '../services/case-numbers';

/**
 * The receipt of a registration, texted to every applicant phone: the case number, the
 * tracking code the public page asks for, and when the acceptance decision is due. The case
 * number is written in by the statement that numbers the case (`receiptMessages`).
 */
export function receiptText(receipt: { trackingCode: string; acceptanceDueAt: Date | null }): string {
  const tools = renderTools(defaultLocale);
  return tools.t('notices.receipt', {
    caseNumber: caseNumberSlot,
    trackingCode: receipt.trackingCode,
    due: receipt.acceptanceDueAt ? tools.date(localDateOf(receipt.acceptanceDueAt)) : '—',
  });
}
