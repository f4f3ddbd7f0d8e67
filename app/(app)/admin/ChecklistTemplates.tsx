'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { categories } from '@/server/domain/case-status';
import { inputClass, primaryButtonClass } from '../../_components/Field';
import { describeError, useTRPC } from '../../_lib/trpc';
import { CategorySettings } from './CategorySettings';
import { PendingButton } from '../../_components/PendingButton';

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
    <CategorySettings
      id="checklist-template"
      title={t('checklist.templateTitle')}
      hint={t('checklist.templateHint')}
      category={category}
      onCategory={(c) => {
        setCategory(c);
        setMessage(null);
      }}
      message={message}
    >
      <textarea
        aria-label={t('checklist.templateTitle')}
        rows={6}
        className={inputClass}
        value={text}
        onChange={(e) => setDraft({ category, text: e.target.value })}
      />
      <PendingButton
        pending={save.isPending}
        className={`${primaryButtonClass} mt-3`}
        onClick={() => save.mutate({ category, labels: text.split('\n').map((l) => l.trim()).filter(Boolean) })}
      >
        {t('common.save')}
      </PendingButton>
    </CategorySettings>
  );
}
