import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseStatus } from '@/server/domain/case-status';

/**
 * What the petitioner should know first: the next thing that will happen and what is asked of
 * them — the next session's time and place, the documents the panel still needs, or when the
 * center will decide.
 */
export async function NextStep({
  status,
  acceptanceDueAt,
  next,
  missing,
  toConfirm,
}: {
  status: CaseStatus;
  acceptanceDueAt: Date | null;
  next: { startsAt: Date; room: string | null; onlineLink: string | null } | null;
  missing: string[];
  /** A draft agreement awaits the petitioner's confirmation on their phone. */
  toConfirm: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const lines: string[] = [];
  if (toConfirm) lines.push(t('nextStep.confirmAgreement'));
  if (next) {
    lines.push(t('nextStep.session', { time: format.dateTime(next.startsAt, { dateStyle: 'full', timeStyle: 'short' }), place: next.room ?? next.onlineLink ?? '' }));
  } else if (status === 'registered' && acceptanceDueAt) {
    lines.push(t('nextStep.registered', { date: format.dateTime(acceptanceDueAt, { dateStyle: 'long' }) }));
  } else if (status === 'accepted') {
    lines.push(t('nextStep.accepted'));
  } else if (status === 'mediating') {
    if (!toConfirm) lines.push(t('nextStep.mediating'));
  } else if (status === 'performing' || status === 'closed' || status === 'referred') {
    lines.push(t(`nextStep.${status}`));
  }
  if (missing.length) lines.push(t('nextStep.missing', { items: missing.join(t('events.separator')) }));
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="next-step-title" className="rounded-xl border-2 border-brand-600 bg-brand-50 p-4">
      <h2 id="next-step-title" className="mb-1 font-semibold text-brand-800">
        {t('nextStep.title')}
      </h2>
      {lines.map((line) => (
        <p key={line} className="text-slate-900">
          {line}
        </p>
      ))}
    </section>
  );
}
