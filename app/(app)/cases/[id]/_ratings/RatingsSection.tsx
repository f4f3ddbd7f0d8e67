import { getFormatter, getTranslations } from 'next-intl/server';
import { isBadRating } from '@/server/domain/ratings';
import { RectificationActions } from './RectificationActions';
import type { RatingView } from './types';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/**
 * The case's ratings for those who work it: levels, tags and comments without the rater (the
 * director, who answers bad ones, sees who it was), each bad one with its rectification and
 * the due dates of its next step.
 */
export async function RatingsSection({ caseId, ratings, role, renderedAt }: { caseId: string; ratings: RatingView[]; role: 'director' | 'supervisor' | null; renderedAt: string }) {
  if (ratings.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('rating'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const now = new Date(renderedAt).getTime();
  return (
    <section className={card} aria-labelledby="ratings-title">
      <h2 id="ratings-title" className="mb-2 font-medium">
        {t('ratingsOfCase')}
      </h2>
      <ul className="flex flex-col gap-3 text-sm">
        {ratings.map((r) => {
          const rect = r.rectification;
          const due = rect?.callbackDueAt ?? rect?.rectificationDueAt ?? null;
          return (
            <li key={r.id} className={`rounded-md border p-3 ${isBadRating(r.level) && !r.excluded ? 'border-red-200 bg-red-50' : 'border-slate-200'}`}>
              <p className="flex flex-wrap gap-x-2">
                <span className="font-medium">{t(`level.${r.level}`)}</span>
                <span className="text-slate-500">{r.followUpOf ? t('followUp') : t(`scope.${r.scope}`)}</span>
                <span className="text-slate-500">{date(r.createdAt)}</span>
                <span className="text-slate-500">{r.channel === 'sms_link' ? t('viaLink') : t('viaPortal')}</span>
              </p>
              <p className="text-slate-600">{r.rater ? t('rater', { name: r.rater.name, phone: r.rater.phone ?? '' }) : t('anonymous')}</p>
              {r.tags.length > 0 && <p className="text-slate-600">{r.tags.map((tag) => t(`tag.${tag}`)).join('、')}</p>}
              {r.comment && <p className="mt-1 whitespace-pre-wrap">{r.comment}</p>}
              {r.excluded && <p className="mt-1 text-slate-600">{t('excluded')}</p>}
              {rect && (
                <div className="mt-2 flex flex-col gap-1 border-t border-red-100 pt-2">
                  <p>
                    <span className="font-medium">{t(`state.${rect.state}`)}</span>
                    {due && (
                      <span className={`ml-2 ${due.getTime() < now ? 'font-medium text-red-800' : 'text-slate-600'}`}>
                        {rect.callbackDueAt ? t('callbackDue', { date: date(rect.callbackDueAt) }) : t('rectificationDue', { date: date(due) })}
                        {due.getTime() < now && ` · ${t('overdue')}`}
                      </span>
                    )}
                  </p>
                  {rect.callbackNote && <p className="text-slate-700">{t('callbackNote')}：{rect.callbackNote}</p>}
                  {rect.verification && (
                    <p className="text-slate-700">
                      {t(`verification.${rect.verification}`)}
                      {rect.verificationNote ? `：${rect.verificationNote}` : ''}
                    </p>
                  )}
                  {rect.report && <p className="text-slate-700">{t('reportNote')}：{rect.report}</p>}
                  {rect.appealNote && <p className="text-slate-700">{t('appealNote')}：{rect.appealNote}</p>}
                  {role && (
                    <div className="mt-1">
                      <RectificationActions caseId={caseId} ratingId={r.id} state={rect.state} role={role} />
                    </div>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
