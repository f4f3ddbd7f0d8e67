'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { reviewDecisions, type ReviewDecision, type ReviewLevel } from '@/server/domain/reviews';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

/**
 * At the window: a review request to record (the level the case is at), or the higher body's
 * answer to the pending one. The server checks the 30 days and the order.
 */
export function ReviewActions({ caseId, next, pending, today }: { caseId: string; next: ReviewLevel | null; pending: ReviewLevel | null; today: string }) {
  const t = useTranslations('review');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'request' | 'decide'>();
  const [form, setForm] = useState({ body: '', requestedOn: today, decision: 'upheld' as ReviewDecision, decidedOn: today, note: '' });
  const request = useMutation(trpc.aftercare.requestReview.mutationOptions(options));
  const decide = useMutation(trpc.aftercare.decideReview.mutationOptions(options));
  const date = (key: 'requestedOn' | 'decidedOn', label: string) => (
    <Field id={`review-${key}`} label={label} error={errors.fields[key]}>
      <input id={`review-${key}`} type="date" max={today} className={inputClass} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </Field>
  );
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      {next && !pending && (
        <button type="button" className={secondaryButtonClass} onClick={() => open('request')}>
          {t('request')} · {t(`level.${next}`)}
        </button>
      )}
      {pending && (
        <button type="button" className={primaryButtonClass} onClick={() => open('decide')}>
          {t('decide')} · {t(`level.${pending}`)}
        </button>
      )}
      {!dialog && <ErrorMessage boxed>{formError}</ErrorMessage>}
      <Modal open={dialog === 'request'} onClose={close} title={t('request')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate({ caseId, level: next!, body: form.body, requestedOn: form.requestedOn });
          }}
        >
          <Field id="review-body" label={t('body')} error={errors.fields.body}>
            <input id="review-body" className={inputClass} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} />
          </Field>
          {date('requestedOn', t('requestedOn'))}
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={request.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('request')}
          </PendingButton>
        </form>
      </Modal>
      <Modal open={dialog === 'decide'} onClose={close} title={t('decide')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate({ caseId, level: pending!, decision: form.decision, decidedOn: form.decidedOn, note: form.note || undefined });
          }}
        >
          <Field id="review-decision" label={t('decisionLabel')} error={errors.fields.decision}>
            <select id="review-decision" className={inputClass} value={form.decision} onChange={(e) => setForm({ ...form, decision: e.target.value as ReviewDecision })}>
              {reviewDecisions.map((d) => (
                <option key={d} value={d}>
                  {t(`decision.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          {date('decidedOn', t('decidedOn'))}
          <Field id="review-note" label={t('note')} error={errors.fields.note}>
            <textarea id="review-note" rows={3} className={inputClass} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={decide.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('decide')}
          </PendingButton>
        </form>
      </Modal>
    </div>
  );
}
