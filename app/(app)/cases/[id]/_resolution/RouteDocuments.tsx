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

/**
 * The routes for a missed term (劳动争议调解仲裁法 art. 15, 16): a payment-order pack for
 * each worker still unpaid, when the employer can be served, or the arbitration application.
 */
export function RouteDocuments({ caseId, court, labor }: { caseId: string; court: string; labor: boolean }) {
  const t = useTranslations('performance');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'order' | 'arbitration'>();
  const [form, setForm] = useState({ court, servable: false, commission: '' });
  const orders = useMutation(trpc.resolution.generatePaymentOrders.mutationOptions(options));
  const arbitration = useMutation(trpc.resolution.generateArbitrationApplication.mutationOptions(options));
  return (
    <div className="flex flex-wrap gap-2">
      {labor && (
        <button type="button" className={secondaryButtonClass} onClick={() => open('order')}>
          {t('paymentOrders')}
        </button>
      )}
      {labor && (
        <button type="button" className={secondaryButtonClass} onClick={() => open('arbitration')}>
          {t('arbitration')}
        </button>
      )}
      <Modal open={dialog === 'order'} onClose={close} title={t('paymentOrders')} description={t('paymentOrdersHint')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            orders.mutate({ caseId, court: form.court, employerServable: form.servable });
          }}
        >
          <Field id="order-court" label={t('court')} error={errors.fields.court}>
            <input id="order-court" className={inputClass} value={form.court} onChange={(e) => setForm({ ...form, court: e.target.value })} />
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1 h-4 w-4" checked={form.servable} onChange={(e) => setForm({ ...form, servable: e.target.checked })} />
            {t('employerServable')}
          </label>
          <ErrorMessage>{errors.fields.employerServable}</ErrorMessage>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={orders.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('generate')}
          </PendingButton>
        </form>
      </Modal>
      <Modal open={dialog === 'arbitration'} onClose={close} title={t('arbitration')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            arbitration.mutate({ caseId, commission: form.commission });
          }}
        >
          <Field id="arbitration-commission" label={t('commission')} error={errors.fields.commission}>
            <input id="arbitration-commission" className={inputClass} value={form.commission} onChange={(e) => setForm({ ...form, commission: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={arbitration.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('generate')}
          </PendingButton>
        </form>
      </Modal>
    </div>
  );
}
