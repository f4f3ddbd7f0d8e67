'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

/** Recording what was done on one term: a payment (partial ones too), or an act performed. */
export function TermActions({ caseId, term, today }: { caseId: string; term: { id: string; kind: 'payment' | 'act'; outstanding: string | null; label: string }; today: string }) {
  const t = useTranslations('performance');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'pay'>();
  const [form, setForm] = useState({ amount: term.outstanding ?? '', paidOn: today });
  // One key per opening of the form: a double tap or a retry records the payment once.
  const [paymentKey, setPaymentKey] = useState(() => crypto.randomUUID());
  const pay = useMutation(trpc.resolution.recordPayment.mutationOptions(options));
  const performed = useMutation(trpc.resolution.recordActPerformed.mutationOptions(options));

  if (term.kind === 'act') {
    return (
      <>
        <PendingButton className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" pending={performed.isPending} onClick={() => performed.mutate({ caseId, termId: term.id })}>
          {t('markPerformed')}
        </PendingButton>
        <ErrorMessage>{formError}</ErrorMessage>
      </>
    );
  }
  return (
    <>
      <button
        type="button"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        onClick={() => {
          setPaymentKey(crypto.randomUUID());
          open('pay');
        }}
        aria-label={t('recordPaymentFor', { term: term.label })}>
        {t('recordPayment')}
      </button>
      <Modal open={dialog === 'pay'} onClose={close} title={t('recordPaymentFor', { term: term.label })}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            pay.mutate({ caseId, termId: term.id, amount: form.amount, paidOn: form.paidOn, idempotencyKey: paymentKey });
          }}
        >
          <Field id="payment-amount" label={t('amount')} error={errors.fields.amount} hint={t('outstanding', { amount: term.outstanding ?? '0' })}>
            <input id="payment-amount" inputMode="decimal" className={inputClass} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
          </Field>
          <Field id="payment-date" label={t('paidOn')} error={errors.fields.paidOn}>
            <input id="payment-date" type="date" max={today} className={inputClass} value={form.paidOn} onChange={(e) => setForm({ ...form, paidOn: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={pay.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('recordPayment')}
          </PendingButton>
        </form>
      </Modal>
    </>
  );
}
