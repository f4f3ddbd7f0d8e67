'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { categories } from '@/server/domain/case-status';
import { inputClass, primaryButtonClass } from '../../_components/Field';
import { SelectField } from '../../_components/SelectField';
import { describeError, useTRPC } from '../../_lib/trpc';

/** The evidence a kind of dispute needs at this center: one item per line. */
export function ChecklistTemplates() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [category, setCategory] = useState<string>(categories[0]);
  const current = useQuery(trpc.admin.checklistTemplate.queryOptions({ category }));
  const [draft, setDraft] = useState<{ category: string; text: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.setChecklistTemplate.mutationOptions({
      onSuccess: () => {
        setMessage(t('routing.saved'));
        setDraft(null);
        void current.refetch();
      },
      onError: (e) => setMessage(describeError(e).message),
    }),
  );
  const text = draft?.category === category ? draft.text : (current.data?.labels ?? []).join('\n');
  return (
    <section className="mt-8 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="checklist-template-title">
      <h2 id="checklist-template-title" className="mb-1 font-medium">
        {t('checklist.templateTitle')}
      </h2>
      <p className="mb-3 text-sm text-slate-500">{t('checklist.templateHint')}</p>
      <div className="mb-3 max-w-xs">
        <SelectField
          id="checklist-category"
          value={category}
          onChange={(c) => {
            setCategory(c);
            setMessage(null);
          }}
          options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          placeholder={t('petition.category')}
        />
      </div>
      <textarea
        aria-label={t('checklist.templateTitle')}
        rows={6}
        className={inputClass}
        value={text}
        onChange={(e) => setDraft({ category, text: e.target.value })}
      />
      {message && (
        <p role="status" className="mt-2 text-sm text-slate-700">
          {message}
        </p>
      )}
      <button
        type="button"
        className={`${primaryButtonClass} mt-3`}
        disabled={save.isPending}
        onClick={() => save.mutate({ category, labels: text.split('\n').map((l) => l.trim()).filter(Boolean) })}
      >
        {t('common.save')}
      </button>
    </section>
  );
}
