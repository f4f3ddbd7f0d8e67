import { getFormatter, getTranslations } from 'next-intl/server';
import type { ClosureView } from './types';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/** How the case ended, for everyone who sees it: the outcome, money claimed and recovered, and the visits it took. */
export async function ClosureSummary({ closure }: { closure: ClosureView }) {
  const [t, format] = await Promise.all([getTranslations('closure'), getFormatter()]);
  const money = (v: string | null) => (v === null ? '—' : `¥${format.number(Number(v), { minimumFractionDigits: 2 })}`);
  const visits = Object.entries(closure.visits).filter(([, n]) => n);
  return (
    <section className={card} aria-labelledby="closure-title">
      <h2 id="closure-title" className="mb-2 font-medium">
        {t('summaryTitle')}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('outcomeLabel')}</dt>
        <dd className="font-medium">
          {t(`outcome.${closure.outcome}`)}
          {closure.terminationKind && `（${t(`termination.${closure.terminationKind}`)}）`}
          {closure.replyDecision && `（${t(`reply.${closure.replyDecision}`)}）`}
        </dd>
        <dt className="text-slate-500">{t('closedAt')}</dt>
        <dd>{format.dateTime(closure.closedAt, { dateStyle: 'long' })}</dd>
        <dt className="text-slate-500">{t('amountClaimed')}</dt>
        <dd className="tabular-nums">{money(closure.amountClaimed)}</dd>
        <dt className="text-slate-500">{t('amountRecovered')}</dt>
        <dd className="tabular-nums">{money(closure.amountRecovered)}</dd>
        {visits.length > 0 && (
          <>
            <dt className="text-slate-500">{t('visits')}</dt>
            <dd>{visits.map(([reason, n]) => t('visitCount', { reason: t(`visitReason.${reason}`), n })).join(t('separator'))}</dd>
          </>
        )}
        {closure.reason && (
          <>
            <dt className="text-slate-500">{t('note')}</dt>
            <dd className="whitespace-pre-wrap">{closure.reason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
