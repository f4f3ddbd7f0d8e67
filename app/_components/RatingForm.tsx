'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ratingLevels, ratingTags, type RatingLevel, type RatingTag } from '@/server/domain/ratings';
import { ErrorMessage } from './ErrorMessage';
import { inputClass, primaryButtonClass } from './Field';
import { PendingButton } from './PendingButton';

export interface RatingValues {
  level: RatingLevel;
  tags: RatingTag[];
  comment: string;
}

/**
 * The five levels as large choices (thumb-sized on a phone), the four tags, a comment. The same
 * form serves the signed-in portal and the SMS link.
 */
export function RatingForm({ idPrefix, pending, error, onSubmit }: { idPrefix: string; pending: boolean; error: string | null; onSubmit: (values: RatingValues) => void }) {
  const t = useTranslations('rating');
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [tags, setTags] = useState<RatingTag[]>([]);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!level) return setMissing(true);
        onSubmit({ level, tags, comment });
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t('levelLabel')}</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-5">
          {ratingLevels.map((l) => (
            <label
              key={l}
              className={`flex min-h-11 cursor-pointer items-center justify-center rounded-md border px-3 py-2 text-center has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${level === l ? 'border-brand-600 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 bg-white'}`}
            >
              <input
                type="radio"
                name={`${idPrefix}-level`}
                value={l}
                className="sr-only"
                checked={level === l}
                onChange={() => {
                  setLevel(l);
                  setMissing(false);
                }}
              />
              {t(`level.${l}`)}
            </label>
          ))}
        </div>
        <ErrorMessage className="mt-1">{missing ? t('chooseLevel') : null}</ErrorMessage>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t('tagsLabel')}</legend>
        <div className="flex flex-wrap gap-2">
          {ratingTags.map((tag) => (
            <label key={tag} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3">
              <input type="checkbox" className="h-4 w-4" checked={tags.includes(tag)} onChange={(e) => setTags(e.target.checked ? [...tags, tag] : tags.filter((x) => x !== tag))} />
              {t(`tag.${tag}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-comment`} className="text-sm font-medium">
          {t('comment')}
        </label>
        <textarea id={`${idPrefix}-comment`} rows={3} maxLength={500} className={inputClass} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <p className="text-xs text-slate-500">{t('noPressure')}</p>
      <ErrorMessage boxed>{error}</ErrorMessage>
      <PendingButton type="submit" pending={pending} className={`${primaryButtonClass} w-full sm:w-fit`}>
        {t('submit')}
      </PendingButton>
    </form>
  );
}
