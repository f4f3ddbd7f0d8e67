'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { followUpMethods, honouredAnswers, type FollowUpMethod, type Honoured } from '@/server/domain/follow-ups';
import { ratingLevels, type RatingLevel } from '@/server/domain/ratings';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

/** The record of one visit made: who was reached and how, the agreement's performance, satisfaction, a new dispute, measures. */
export function FollowUpRecorder({ caseId, visitId, parties }: { caseId: string; visitId: string; parties: { id: string; name: string }[] }) {
  const t = useTranslations('followUp');
  const tRating = useTranslations('rating');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'record'>();
  const [form, setForm] = useState({ reachedPartyId: parties[0]?.id ?? '', method: 'phone' as FollowUpMethod, honoured: '' as Honoured | '', satisfaction: '' as RatingLevel | '', newDispute: false, measures: '' });
  const record = useMutation(trpc.aftercare.recordFollowUp.mutationOptions(options));
  const select = <K extends 'reachedPartyId' | 'method' | 'honoured' | 'satisfaction'>(key: K, label: string, choices: { value: string; label: string }[]) => (
    <Field id={`follow-up-${key}-${visitId}`} label={label} error={errors.fields[key]}>
      <select id={`follow-up-${key}-${visitId}`} className={inputClass} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      <button type="button" className={secondaryButtonClass} onClick={() => open('record')}>
        {t('record')}
      </button>
      <Modal open={dialog === 'record'} onClose={close} title={t('record')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate({
              caseId,
              visitId,
              reachedPartyId: form.reachedPartyId || undefined,
              method: form.method,
              honoured: form.honoured || undefined,
              satisfaction: form.satisfaction || undefined,
              newDispute: form.newDispute,
              measures: form.measures || undefined,
            });
          }}
        >
          {select('reachedPartyId', t('reached'), parties.map((p) => ({ value: p.id, label: p.name })))}
          {select('method', t('methodLabel'), followUpMethods.map((m) => ({ value: m, label: t(`method.${m}`) })))}
          {select('honoured', t('honouredLabel'), [{ value: '', label: t('notAsked') }, ...honouredAnswers.map((h) => ({ value: h, label: t(`honoured.${h}`) }))])}
          {select('satisfaction', t('satisfaction'), [{ value: '', label: t('notAsked') }, ...ratingLevels.map((l) => ({ value: l, label: tRating(`level.${l}`) }))])}
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={form.newDispute} onChange={(e) => setForm({ ...form, newDispute: e.target.checked })} />
            {t('newDispute')}
          </label>
          <Field id={`follow-up-measures-${visitId}`} label={t('measures')} error={errors.fields.measures}>
            <textarea id={`follow-up-measures-${visitId}`} rows={3} className={inputClass} value={form.measures} onChange={(e) => setForm({ ...form, measures: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={record.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('record')}
          </PendingButton>
        </form>
      </Modal>
    </>
  );
}
