import { getFormatter, getTranslations } from 'next-intl/server';
import { ReviewActions } from './ReviewActions';
import type { ReviewView } from './types';
import { formatLocalDay } from '../../../../_lib/local-day';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/** A petition's review requests (复查, then 复核) and the higher bodies' answers, for everyone who reads the case. */
/**
 * `canRecord`: the caller records reviews; a new request only on a closed case, while the answer
 * to a pending one is recorded whatever became of the case meanwhile.
 */
export async function ReviewsSection({ caseId, reviews, canRecord, closed, today }: { caseId: string; reviews: ReviewView[]; canRecord: boolean; closed: boolean; today: string }) {
  if (reviews.length === 0 && !(canRecord && closed)) return null;
  const [t, format] = await Promise.all([getTranslations('review'), getFormatter()]);
  const day = (d: string) => formatLocalDay(format, d);
  const pending = reviews.find((r) => !r.decision)?.level ?? null;
  const done = reviews.map((r) => r.level);
  const next = !closed || done.includes('re_review') ? null : done.includes('review') ? 're_review' : 'review';
  return (
    <section className={card} aria-labelledby="reviews-title">
      <h2 id="reviews-title" className="mb-2 font-medium">
        {t('title')}
      </h2>
      {reviews.length === 0 && <p className="text-sm text-slate-500">{t('empty')}</p>}
      <ul className="flex flex-col gap-1 text-sm">
        {reviews.map((r) => (
          <li key={r.id}>
            <span className="font-medium">{t(`level.${r.level}`)}</span> <span className="text-slate-600">{t('requested', { date: day(r.requestedOn), body: r.body })}</span>{' '}
            <span>{r.decision ? t('answered', { decision: t(`decision.${r.decision}`), date: day(r.decidedOn!) }) : t('pending')}</span>
            {r.decisionNote && <span className="block text-slate-600">{r.decisionNote}</span>}
          </li>
        ))}
      </ul>
      {canRecord && <ReviewActions caseId={caseId} next={next} pending={pending} today={today} />}
    </section>
  );
}
