'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from './Field';
import { Modal } from './Modal';
import { PendingButton } from './PendingButton';
import { useCaseDialog } from '../_lib/use-case-dialog';
import { useTRPC } from '../_lib/trpc';

/** What a 督办 is about: one case (on its page), or a center as a whole (on its dashboard). */
export type SupervisionTarget = { caseId: string } | { centerId: string };

/** The supervisor issues an order; the director answers the open one. */
export function SupervisionActions({ target, canIssue, openOrderId, minDue }: { target: SupervisionTarget; canIssue: boolean; openOrderId: string | null; minDue: string }) {
  const t = useTranslations('supervision');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'issue' | 'answer'>();
  const [form, setForm] = useState({ instruction: '', dueOn: minDue, response: '' });
  const issueOnCase = useMutation(trpc.supervision.issue.mutationOptions(options));
  const issueOnCenter = useMutation(trpc.supervision.issueForCenter.mutationOptions(options));
  const answerOnCase = useMutation(trpc.supervision.answer.mutationOptions(options));
  const answerOnCenter = useMutation(trpc.supervision.answerForCenter.mutationOptions(options));
  const issuing = issueOnCase.isPending || issueOnCenter.isPending;
  const answering = answerOnCase.isPending || answerOnCenter.isPending;
  const issueLabel = 'caseId' in target ? t('issue') : t('issueForCenter');
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      {canIssue && (
        <button type="button" className={secondaryButtonClass} onClick={() => open('issue')}>
          {issueLabel}
        </button>
      )}
      {openOrderId && (
        <button type="button" className={primaryButtonClass} onClick={() => open('answer')}>
          {t('answer')}
        </button>
      )}
      {!dialog && <ErrorMessage boxed>{formError}</ErrorMessage>}
      <Modal open={dialog === 'issue'} onClose={close} title={issueLabel}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const order = { instruction: form.instruction, dueOn: form.dueOn };
            if ('caseId' in target) issueOnCase.mutate({ caseId: target.caseId, ...order });
            else issueOnCenter.mutate({ centerId: target.centerId, ...order });
          }}
        >
          <Field id="supervision-instruction" label={t('instruction')} error={errors.fields.instruction}>
            <textarea id="supervision-instruction" rows={3} className={inputClass} value={form.instruction} onChange={(e) => setForm({ ...form, instruction: e.target.value })} />
          </Field>
          <Field id="supervision-due" label={t('dueOn')} error={errors.fields.dueOn}>
            <input id="supervision-due" type="date" min={minDue} className={inputClass} value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={issuing} className={`${primaryButtonClass} w-fit`}>
            {issueLabel}
          </PendingButton>
        </form>
      </Modal>
      <Modal open={dialog === 'answer'} onClose={close} title={t('answer')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const reply = { orderId: openOrderId!, response: form.response };
            if ('caseId' in target) answerOnCase.mutate({ caseId: target.caseId, ...reply });
            else answerOnCenter.mutate(reply);
          }}
        >
          <Field id="supervision-response" label={t('response')} error={errors.fields.response}>
            <textarea id="supervision-response" rows={4} className={inputClass} value={form.response} onChange={(e) => setForm({ ...form, response: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={answering} className={`${primaryButtonClass} w-fit`}>
            {t('answer')}
          </PendingButton>
        </form>
      </Modal>
    </div>
  );
}
