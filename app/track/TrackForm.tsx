'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { Field, inputClass, primaryButtonClass } from '../_components/Field';
import { describeError, useTRPCClient } from '../_lib/trpc';
import { ErrorMessage } from '../_components/ErrorMessage';
import { PendingButton } from '../_components/PendingButton';

interface Values {
  caseNumber: string;
  trackingCode: string;
  phoneLast4: string;
}

export function TrackForm({ caseNumber = '' }: { caseNumber?: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const client = useTRPCClient();
  const { register, handleSubmit } = useForm<Values>({ defaultValues: { caseNumber, trackingCode: '', phoneLast4: '' } });
  const lookup = useMutation({ mutationFn: (values: Values) => client.tracking.lookup.mutate(values) });
  const problem = lookup.error ? describeError(lookup.error) : null;
  const found = lookup.data;

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={handleSubmit((v) => lookup.mutate(v))} className="flex flex-col gap-4" noValidate>
        <Field id="caseNumber" label={t('track.caseNumber')} error={problem?.fields.caseNumber}>
          <input id="caseNumber" placeholder="330421-2026-000123" aria-invalid={!!problem?.fields.caseNumber} className={inputClass} defaultValue={caseNumber} {...register('caseNumber')} />
        </Field>
        <Field id="trackingCode" label={t('track.trackingCode')} error={problem?.fields.trackingCode}>
          <input
            id="trackingCode"
            autoCapitalize="characters"
            autoComplete="off"
            // Arrived from a receipt's QR code with the case number filled in: the code is next.
            autoFocus={!!caseNumber}
            aria-invalid={!!problem?.fields.trackingCode}
            className={`${inputClass} font-mono uppercase`}
            {...register('trackingCode')}
          />
        </Field>
        <Field id="phoneLast4" label={t('track.phoneLast4')} error={problem?.fields.phoneLast4}>
          <input id="phoneLast4" inputMode="numeric" maxLength={4} aria-invalid={!!problem?.fields.phoneLast4} className={inputClass} {...register('phoneLast4')} />
        </Field>
        {problem && Object.keys(problem.fields).length === 0 && (
          <ErrorMessage boxed>{problem.message === t('errors.notFound') ? t('track.notFound') : problem.message}</ErrorMessage>
        )}
        <PendingButton type="submit" pending={lookup.isPending} pendingLabel={t('track.searching')} className={primaryButtonClass}>
          {t('track.submit')}
        </PendingButton>
      </form>
      {found && (
        <section aria-live="polite" aria-label={t('track.title')} className="rounded-lg border border-slate-200 p-4">
          <p className="font-mono text-sm text-slate-500">{found.caseNumber}</p>
          <p className="mt-1 text-lg font-semibold">{t(`status.${found.status}`)}</p>
          <p className="text-sm text-slate-600">{found.centerName}</p>
          <ol className="mt-3 flex flex-col gap-2 border-l-2 border-brand-100 pl-4 text-sm">
            {found.timeline.map((e, i) => (
              <li key={i}>
                <time className="block text-xs text-slate-500">{format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {e.title}
                {e.details.map((d, j) => (
                  <p key={j} className="text-slate-600">
                    {d}
                  </p>
                ))}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
