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

type Decision = 'accept' | 'decline' | 'transfer' | 'assign_out';

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
  const [assignment, setAssignment] = useState({ destination: '', reportDueOn: '' });
  const [visitReason, setVisitReason] = useState<'required' | 'voluntary'>('required');
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const done = () => {
    setDecision(null);
    setErrors({ fields: {} });
    router.refresh();
  };
  const onError = (error: unknown) => setErrors(describeError(error));
  const decide = useMutation(trpc.intake.decide.mutationOptions({ onSuccess: done, onError }));
  const visit = useMutation(trpc.case.recordVisit.mutationOptions({ onSuccess: done, onError }));
  const assignOut = useMutation(trpc.intake.assignOut.mutationOptions({ onSuccess: done, onError }));
  const decisions = (['accept', 'decline', 'transfer', 'assign_out'] as const).filter((d) => actions.includes(d));

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
            if (decision === 'assign_out') assignOut.mutate({ caseId, ...assignment, expectedVersion: version });
            else decide.mutate({ caseId, decision, reason, destinationId, track: decision === 'accept' ? track : undefined, expectedVersion: version });
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
          {decision === 'assign_out' && (
            <>
              <Field id="assign-destination" label={t('assignDestination')} error={errors.fields.destination}>
                <input
                  id="assign-destination"
                  list="assign-destinations"
                  className={inputClass}
                  value={assignment.destination}
                  onChange={(e) => setAssignment({ ...assignment, destination: e.target.value })}
                />
                <datalist id="assign-destinations">
                  {destinations.map((d) => (
                    <option key={d.id} value={d.name} />
                  ))}
                </datalist>
              </Field>
              <Field id="assign-due" label={t('reportDueOn')} error={errors.fields.reportDueOn} hint={t('assignHint')}>
                <input id="assign-due" type="date" className={inputClass} value={assignment.reportDueOn} onChange={(e) => setAssignment({ ...assignment, reportDueOn: e.target.value })} />
              </Field>
            </>
          )}
          {(decision === 'decline' || decision === 'transfer') && (
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
          <PendingButton type="submit" pending={decide.isPending || assignOut.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('confirm')} · {t(decision)}
          </PendingButton>
        </form>
      )}
      {errors.message && !Object.keys(errors.fields).length && (
        <ErrorMessage className="mt-3">{errors.message}</ErrorMessage>
      )}
      {actions.includes('record_visit') && (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="visit-reason" className="sr-only">
            {t('visitReason')}
          </label>
          <select id="visit-reason" className="rounded-md border border-slate-300 px-2 py-1.5" value={visitReason} onChange={(e) => setVisitReason(e.target.value as 'required' | 'voluntary')}>
            <option value="required">{t('visitRequired')}</option>
            <option value="voluntary">{t('visitVoluntary')}</option>
          </select>
          <PendingButton pending={visit.isPending} className="inline-flex min-h-11 items-center text-brand-700 underline" onClick={() => visit.mutate({ caseId, reason: visitReason })}>
            {t('recordVisit')}
          </PendingButton>
        </div>
      )}
    </section>
  );
}
