import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmationActions } from './ConfirmationActions';
import type { AgreementView, ConfirmationView } from './types';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/**
 * Judicial confirmation of the effective written agreement: open for 30 days from its effect
 * (人民调解法 art. 33), then the court's acceptance (3 days) and decision (15 + 10 days); once
 * confirmed, the agreement can be enforced for two years.
 */
export async function ConfirmationSection({
  caseId,
  version,
  confirmation,
  agreements,
  windowDueAt,
  court,
  actions,
}: {
  caseId: string;
  version: number;
  confirmation: ConfirmationView | null;
  agreements: AgreementView[];
  windowDueAt: Date | null;
  court: string;
  actions: string[];
}) {
  const [t, format] = await Promise.all([getTranslations('confirmation'), getFormatter()]);
  const written = agreements.filter((a) => a.state === 'effective' && a.kind === 'written').at(-1) ?? null;
  if (!confirmation && !written) return null;
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'long' }) : '');
  const canApply = !confirmation && windowDueAt !== null && actions.includes('apply_confirmation');
  const judge = actions.includes('record_court_decision');
  const courtStep = !judge || !confirmation ? null : confirmation.state === 'applied' ? 'accepted' : confirmation.state === 'accepted' ? 'decided' : null;
  if (!confirmation && !canApply && windowDueAt === null) return null;
  return (
    <section className={card} aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" className="mb-2 font-medium">
        {t('title')}
      </h2>
      {confirmation ? (
        <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t('court')}</dt>
          <dd>{confirmation.court}</dd>
          <dt className="text-slate-500">{t('stateLabel')}</dt>
          <dd className="font-medium">{t(`state.${confirmation.state}`)}</dd>
          <dt className="text-slate-500">{t('appliedAt')}</dt>
          <dd>{date(confirmation.appliedAt)}</dd>
          {confirmation.acceptedAt && (
            <>
              <dt className="text-slate-500">{t('acceptedAt')}</dt>
              <dd>{date(confirmation.acceptedAt)}</dd>
            </>
          )}
          {confirmation.decidedAt && (
            <>
              <dt className="text-slate-500">{t('decidedAt')}</dt>
              <dd>{date(confirmation.decidedAt)}</dd>
            </>
          )}
          {confirmation.rejectionReason && (
            <>
              <dt className="text-slate-500">{t('rejectionReason')}</dt>
              <dd>{confirmation.rejectionReason}</dd>
            </>
          )}
          {confirmation.enforcementUntil && (
            <>
              <dt className="text-slate-500">{t('enforcementUntil')}</dt>
              <dd>{confirmation.enforcementUntil}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="mb-3 text-sm text-slate-600">{windowDueAt ? t('windowOpen', { date: date(windowDueAt) }) : t('windowClosedNote')}</p>
      )}
      {confirmation?.state === 'rejected' && <p className="mb-3 text-sm text-slate-700">{t('afterRejection')}</p>}
      {(canApply || courtStep) && <ConfirmationActions caseId={caseId} version={version} agreementId={written?.id ?? null} court={court} canApply={canApply} courtStep={courtStep} />}
    </section>
  );
}
