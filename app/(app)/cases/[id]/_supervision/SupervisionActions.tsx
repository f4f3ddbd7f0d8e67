'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

/** The supervisor issues an order on the case; the director answers the open one. */
export function SupervisionActions({ caseId, canIssue, openOrderId, minDue }: { caseId: string; canIssue: boolean; openOrderId: string | null; minDue: string }) {
  const t = useTranslations('supervision');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'issue' | 'answer'>();
  const [form, setForm] = useState({ instruction: '', dueOn: minDue, response: '' });
  const issue = useMutation(trpc.supervision.issue.mutationOptions(options));
  const answer = useMutation(trpc.supervision.answer.mutationOptions(options));
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      {canIssue && (
        <button type="button" className={secondaryButtonClass} onClick={() => open('issue')}>
          {t('issue')}
        </button>
      )}
      {openOrderId && (
        <button type="button" className={primaryButtonClass} onClick={() => open('answer')}>
          {t('answer')}
        </button>
      )}
      {!dialog && <ErrorMessage boxed>{formError}</ErrorMessage>}
      <Modal open={dialog === 'issue'} onClose={close} title={t('issue')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            issue.mutate({ caseId, instruction: form.instruction, dueOn: form.dueOn });
          }}
        >
          <Field id="supervision-instruction" label={t('instruction')} error={errors.fields.instruction}>
            <textarea id="supervision-instruction" rows={3} className={inputClass} value={form.instruction} onChange={(e) => setForm({ ...form, instruction: e.target.value })} />
          </Field>
          <Field id="supervision-due" label={t('dueOn')} error={errors.fields.dueOn}>
            <input id="supervision-due" type="date" min={minDue} className={inputClass} value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={issue.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('issue')}
          </PendingButton>
        </form>
      </Modal>
      <Modal open={dialog === 'answer'} onClose={close} title={t('answer')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ caseId, orderId: openOrderId!, response: form.response });
          }}
        >
          <Field id="supervision-response" label={t('response')} error={errors.fields.response}>
            <textarea id="supervision-response" rows={4} className={inputClass} value={form.response} onChange={(e) => setForm({ ...form, response: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={answer.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('answer')}
          </PendingButton>
        </form>
      </Modal>
    </div>
  );
}
