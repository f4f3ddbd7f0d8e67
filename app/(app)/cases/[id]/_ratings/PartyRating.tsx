'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RatingForm, type RatingValues } from '../../../../_components/RatingForm';
import { describeError, useTRPC } from '../../../../_lib/trpc';
import type { RatingChoices, RatingView } from './types';

type Target = { scope: 'case' } | { scope: 'contact'; visitId: string } | { followUpOf: string };

/**
 * The petitioner's ratings of their case: the closed case (一事一评), each contact at the window
 * (一次一评), their own ratings with how a bad one was answered, and the one follow-up (追评).
 */
export function PartyRating({ caseId, choices, ratings }: { caseId: string; choices: RatingChoices; ratings: RatingView[] }) {
  const t = useTranslations('rating');
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState<string | null>(choices.caseOpen ? 'case' : null);
  const [error, setError] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);
  const submit = useMutation(
    trpc.rating.submit.mutationOptions({
      onSuccess: () => {
        setOpen(null);
        setError(null);
        setThanked(true);
        router.refresh();
      },
      onError: (e) => setError(describeError(e).message),
    }),
  );
  const send = (target: Target) => (values: RatingValues) => {
    const base = { caseId, level: values.level, tags: values.tags, comment: values.comment };
    if ('followUpOf' in target) submit.mutate({ ...base, scope: 'case', followUpOf: target.followUpOf });
    else submit.mutate({ ...base, ...target });
  };
  const form = (key: string, target: Target) =>
    open === key ? <RatingForm idPrefix={`rating-${key}`} pending={submit.isPending} error={error} onSubmit={send(target)} /> : null;
  const opener = (key: string, label: string) =>
    open === key ? null : (
      <button type="button" className="min-h-11 text-left text-brand-700 underline" onClick={() => (setOpen(key), setError(null))}>
        {label}
      </button>
    );
  if (!choices.caseOpen && choices.contacts.length === 0 && ratings.length === 0) return null;

  return (
    <section className="rounded-xl border-2 border-brand-600 bg-white p-4" aria-labelledby="rating-title">
      <h2 id="rating-title" className="mb-3 font-semibold">
        {t('title')}
      </h2>
      {thanked && (
        <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('thanks')}
        </p>
      )}
      <div className="flex flex-col gap-3">
        {choices.caseOpen && (
          <div>
            <h3 className="mb-2 text-sm font-medium">{t('rateCase')}</h3>
            {opener('case', t('rateCase'))}
            {form('case', { scope: 'case' })}
          </div>
        )}
        {choices.contacts.map((v) => {
          const label = t('rateContact', { date: format.dateTime(v.visitedAt, { dateStyle: 'medium' }) });
          return (
            <div key={v.id}>
              {opener(v.id, label)}
              {open === v.id && <h3 className="mb-2 text-sm font-medium">{label}</h3>}
              {form(v.id, { scope: 'contact', visitId: v.id })}
            </div>
          );
        })}
        {ratings.length > 0 && (
          <ul className="flex flex-col gap-2 text-sm">
            {ratings.map((r) => (
              <li key={r.id} className="rounded-md bg-slate-50 p-3">
                <p>
                  <span className="text-slate-500">{r.followUpOf ? t('followUp') : t('yours')}（{t(`scope.${r.scope}`)}）：</span>
                  <span className="font-medium">{t(`level.${r.level}`)}</span>
                  {r.tags.length > 0 && <span className="text-slate-600"> · {r.tags.map((tag) => t(`tag.${tag}`)).join('、')}</span>}
                </p>
                {r.comment && <p className="mt-1 text-slate-700">{r.comment}</p>}
                {r.rectification && <p className="mt-1 text-slate-700">{t(`state.${r.rectification.state}`)}{r.rectification.report ? `：${r.rectification.report}` : ''}</p>}
                {r.followUpAllowed && r.rectification?.state === 'reported' && (
                  <div className="mt-2">
                    <p className="text-slate-600">{t('followUpHint')}</p>
                    {opener(`follow-${r.id}`, t('followUp'))}
                    {form(`follow-${r.id}`, { followUpOf: r.id })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
