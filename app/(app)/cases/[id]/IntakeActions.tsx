'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { tracks, type Track } from '@/server/domain/tracks';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../_components/Field';
import { SelectField } from '../../../_components/SelectField';
import { describeError, useTRPC } from '../../../_lib/trpc';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { PendingButton } from '../../../_components/PendingButton';

type Decision = 'accept' | 'decline' | 'transfer';

/** The clerk's acceptance decision and the visit counter, on the case page. */
export function IntakeActions({
  caseId,
  version,
  actions,
  destinations,
  suggestedTrack,
}: {
  caseId: string;
  version: number;
  actions: string[];
  destinations: { id: string; name: string }[];
  /** The kind of case its category usually is; the clerk may choose another. */
  suggestedTrack: Track;
}) {
  const t = useTranslations('decision');
  const tc = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [destinationId, setDestinationId] = useState('');
  const [track, setTrack] = useState<Track>(suggestedTrack);
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const done = () => {
    setDecision(null);
    setErrors({ fields: {} });
    router.refresh();
  };
  const onError = (error: unknown) => setErrors(describeError(error));
  const decide = useMutation(trpc.intake.decide.mutationOptions({ onSuccess: done, onError }));
  const visit = useMutation(trpc.case.recordVisit.mutationOptions({ onSuccess: done, onError }));
  const decisions = (['accept', 'decline', 'transfer'] as const).filter((d) => actions.includes(d));

  return (
    <section className="rounded-xl border border-brand-100 bg-brand-50 p-4" aria-labelledby="decision-title">
      <h2 id="decision-title" className="mb-3 font-medium">
        {decisions.length > 0 ? t('title') : t('visits')}
      </h2>
      {decisions.length > 0 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t('title')}>
          {decisions.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={decision === d}
              className={decision === d ? primaryButtonClass : secondaryButtonClass}
              onClick={() => setDecision(d)}
            >
              {t(d)}
            </button>
          ))}
        </div>
      )}
      {decision && (
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate({ caseId, decision, reason, destinationId, track: decision === 'accept' ? track : undefined, expectedVersion: version });
          }}
        >
          {decision === 'accept' && (
            <Field id="track" label={t('track')} error={errors.fields.track} hint={tc('clock.suggested', { track: tc(`tracks.${suggestedTrack}`) })}>
              <SelectField
                id="track"
                value={track}
                onChange={(v) => setTrack(v as Track)}
                options={tracks.map((k) => ({ value: k, label: tc(`tracks.${k}`) }))}
                placeholder={t('track')}
              />
            </Field>
          )}
          {decision === 'decline' && (
            <Field id="reason" label={t('reason')} error={errors.fields.reason}>
              <textarea id="reason" rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          )}
          {decision !== 'accept' && (
            <Field id="destinationId" label={t('destination')} error={errors.fields.destinationId}>
              <SelectField
                id="destinationId"
                value={destinationId}
                onChange={setDestinationId}
                options={destinations.map((d) => ({ value: d.id, label: d.name }))}
                placeholder={t('chooseDestination')}
              />
            </Field>
          )}
          <PendingButton type="submit" pending={decide.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('confirm')} · {t(decision)}
          </PendingButton>
        </form>
      )}
      {errors.message && !Object.keys(errors.fields).length && (
        <ErrorMessage className="mt-3">{errors.message}</ErrorMessage>
      )}
      {actions.includes('record_visit') && (
        <PendingButton pending={visit.isPending} className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline" onClick={() => visit.mutate({ caseId })}>
          {t('recordVisit')}
        </PendingButton>
      )}
    </section>
  );
}
