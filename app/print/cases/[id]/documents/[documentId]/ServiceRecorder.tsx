'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { serviceMethods, type ServiceMethod } from '@/db/schema/resolution';
import { ErrorMessage } from '../../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass } from '../../../../../_components/Field';
import { PendingButton } from '../../../../../_components/PendingButton';
import { describeError, useTRPC } from '../../../../../_lib/trpc';

/**
 * 送达回证: after handing the document over, the clerk records how and when it was served on
 * a party; the receipt is a document of its own, printable from the case page. Not printed.
 */
export function ServiceRecorder({ caseId, documentId, parties, today }: { caseId: string; documentId: string; parties: { id: string; name: string }[]; today: string }) {
  const t = useTranslations('doc');
  const tDocs = useTranslations('documents');
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState({ partyId: parties[0]?.id ?? '', method: 'in_person' as ServiceMethod, servedOn: today, receivedBy: '', consent: false });
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const record = useMutation(
    trpc.resolution.recordService.mutationOptions({
      onSuccess: (receipt) => router.push(`/print/cases/${caseId}/documents/${receipt.id}`),
      onError: (e) => setErrors(describeError(e)),
    }),
  );
  return (
    <form
      className="mt-10 flex flex-col gap-3 rounded-lg border border-slate-300 bg-slate-50 p-4 font-sans text-sm leading-normal print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ caseId, documentId, partyId: form.partyId, method: form.method, servedOn: form.servedOn, receivedBy: form.receivedBy || undefined, electronicConsent: form.consent });
      }}
    >
      <h2 className="font-medium">{t('recordService')}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="service-party" label={t('servedParty')} error={errors.fields.partyId}>
          <select id="service-party" className={inputClass} value={form.partyId} onChange={(e) => setForm({ ...form, partyId: e.target.value })}>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="service-method" label={t('serviceMethod')} error={errors.fields.method}>
          <select id="service-method" className={inputClass} value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value as ServiceMethod })}>
            {serviceMethods.map((m) => (
              <option key={m} value={m}>
                {tDocs(`service.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="service-date" label={t('servedOn')} error={errors.fields.servedOn}>
          <input id="service-date" type="date" max={today} className={inputClass} value={form.servedOn} onChange={(e) => setForm({ ...form, servedOn: e.target.value })} />
        </Field>
        <Field id="service-received-by" label={t('receivedBy')} error={errors.fields.receivedBy}>
          <input id="service-received-by" className={inputClass} value={form.receivedBy} onChange={(e) => setForm({ ...form, receivedBy: e.target.value })} />
        </Field>
      </div>
      {form.method === 'electronic' && (
        <label className="flex items-center gap-2">
          <input type="checkbox" className="h-4 w-4" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} />
          {t('electronicConsent')}
        </label>
      )}
      <ErrorMessage>{errors.fields.electronicConsent}</ErrorMessage>
      <ErrorMessage boxed>{errors.message && !Object.keys(errors.fields).length ? errors.message : null}</ErrorMessage>
      <PendingButton type="submit" pending={record.isPending} className={`${primaryButtonClass} w-fit`}>
        {t('recordService')}
      </PendingButton>
    </form>
  );
}
