'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { pauseReasons, tracks, type PauseReason, type Track } from '@/server/domain/tracks';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../_components/Field';
import { Modal } from '../../../_components/Modal';
import { PendingButton } from '../../../_components/PendingButton';
import { SelectField } from '../../../_components/SelectField';
import { describeError, useTRPC } from '../../../_lib/trpc';

type Dialog = 'track' | 'extend' | 'pause' | null;

/**
 * The director's and the lead's hold on the case's clocks: change the kind of case, extend a
 * clock (a petition once, by the director; a mediation with the parties' consent), pause it
 * for a named reason and resume it. The server decides which of these are open.
 */
export function ClockActions({
  caseId,
  version,
  track,
  actions,
  handling,
  parties,
}: {
  caseId: string;
  version: number;
  track: Track | null;
  actions: string[];
  handling: { state: string } | null;
  parties: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form, setForm] = useState({ track: '', reason: '', days: '30', pauseReason: '', note: '', method: '' });
  const [consent, setConsent] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const close = () => {
    setDialog(null);
    setErrors({ fields: {} });
  };
  const options = { onSuccess: () => (close(), router.refresh()), onError: (e: unknown) => setErrors(describeError(e)) };
  const changeTrack = useMutation(trpc.case.changeTrack.mutationOptions(options));
  const extend = useMutation(trpc.case.extendClock.mutationOptions(options));
  const pause = useMutation(trpc.case.pauseClock.mutationOptions(options));
  const resume = useMutation(trpc.case.resumeClock.mutationOptions(options));

  const mediation = track !== null && track !== 'petition' && track !== 'consultation';
  const canExtend = handling?.state === 'running' && actions.includes(mediation ? 'extend_mediation_clock' : 'extend_petition_clock') && track !== 'consultation';
  const canPause = handling && actions.includes('pause_clock');
  const canChangeTrack = actions.includes('change_track');
  if (!canExtend && !canPause && !canChangeTrack) return null;
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const formError = errors.message && !Object.keys(errors.fields).length ? <ErrorMessage boxed className="mt-3">{errors.message}</ErrorMessage> : null;
  const submit = (label: string, pending: boolean) => (
    <PendingButton type="submit" pending={pending} className={`${primaryButtonClass} mt-4 w-fit`}>
      {label}
    </PendingButton>
  );

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="clock-actions-title">
      <h2 id="clock-actions-title" className="mb-3 font-medium">
        {t('case.clock.title')}
      </h2>
      <div className="flex flex-wrap gap-2">
        {canExtend && (
          <button type="button" className={secondaryButtonClass} onClick={() => setDialog('extend')}>
            {t('clock.extend')}
          </button>
        )}
        {canPause && handling.state === 'running' && (
          <button type="button" className={secondaryButtonClass} onClick={() => setDialog('pause')}>
            {t('clock.pause')}
          </button>
        )}
        {canPause && handling.state === 'paused' && (
          <PendingButton className={secondaryButtonClass} pending={resume.isPending} onClick={() => resume.mutate({ caseId, clock: 'handling', expectedVersion: version })}>
            {t('clock.resume')}
          </PendingButton>
        )}
        {canChangeTrack && (
          <button type="button" className={secondaryButtonClass} onClick={() => setDialog('track')}>
            {t('clock.changeTrack')}
          </button>
        )}
      </div>
      {!dialog && formError}

      <Modal open={dialog === 'track'} onClose={close} title={t('clock.changeTrack')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            changeTrack.mutate({ caseId, track: form.track as Track, reason: form.reason, expectedVersion: version });
          }}
        >
          <Field id="new-track" label={t('clock.track')} error={errors.fields.track}>
            <SelectField
              id="new-track"
              value={form.track}
              onChange={set('track')}
              options={tracks.filter((k) => k !== track).map((k) => ({ value: k, label: t(`tracks.${k}`) }))}
              placeholder={t('clock.track')}
            />
          </Field>
          <Field id="track-reason" label={t('clock.reason')} error={errors.fields.reason}>
            <textarea id="track-reason" rows={2} className={inputClass} value={form.reason} onChange={(e) => set('reason')(e.target.value)} />
          </Field>
          {formError}
          {submit(t('clock.changeTrack'), changeTrack.isPending)}
        </form>
      </Modal>

      <Modal open={dialog === 'extend'} onClose={close} title={t('clock.extend')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            extend.mutate({
              caseId,
              clock: 'handling',
              days: Number(form.days),
              reason: form.reason,
              consent: mediation ? { partyIds: consent, method: form.method } : undefined,
              expectedVersion: version,
            });
          }}
        >
          <Field id="extend-days" label={t('clock.days')} error={errors.fields.days}>
            <input id="extend-days" type="number" min={1} max={mediation ? 365 : 30} inputMode="numeric" className={inputClass} value={form.days} onChange={(e) => set('days')(e.target.value)} />
          </Field>
          <Field id="extend-reason" label={t('clock.reason')} error={errors.fields.reason}>
            <textarea id="extend-reason" rows={2} className={inputClass} value={form.reason} onChange={(e) => set('reason')(e.target.value)} />
          </Field>
          {mediation && (
            <>
              <fieldset className="text-sm">
                <legend className="mb-1 font-medium">{t('clock.consentParties')}</legend>
                <div className="flex flex-wrap gap-x-4">
                  {parties.map((p) => (
                    <label key={p.id} className="flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        className="h-5 w-5"
                        checked={consent.includes(p.id)}
                        onChange={(e) => setConsent(e.target.checked ? [...consent, p.id] : consent.filter((id) => id !== p.id))}
                      />
                      {p.name}
                    </label>
                  ))}
                </div>
                <ErrorMessage>{errors.fields.consent}</ErrorMessage>
              </fieldset>
              <Field id="extend-method" label={t('clock.consentMethod')} error={errors.fields['consent.method']}>
                <input id="extend-method" className={inputClass} value={form.method} onChange={(e) => set('method')(e.target.value)} />
              </Field>
            </>
          )}
          {formError}
          {submit(t('clock.extend'), extend.isPending)}
        </form>
      </Modal>

      <Modal open={dialog === 'pause'} onClose={close} title={t('clock.pause')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            pause.mutate({ caseId, clock: 'handling', reason: form.pauseReason as PauseReason, note: form.note, expectedVersion: version });
          }}
        >
          <Field id="pause-reason" label={t('clock.pauseReasonLabel')} error={errors.fields.reason}>
            <SelectField
              id="pause-reason"
              value={form.pauseReason}
              onChange={set('pauseReason')}
              options={pauseReasons.map((r) => ({ value: r, label: t(`clock.pauseReason.${r}`) }))}
              placeholder={t('clock.pauseReasonLabel')}
            />
          </Field>
          <Field id="pause-note" label={t('clock.note')} error={errors.fields.note}>
            <input id="pause-note" className={inputClass} value={form.note} onChange={(e) => set('note')(e.target.value)} />
          </Field>
          {formError}
          {submit(t('clock.pause'), pause.isPending)}
        </form>
      </Modal>
    </section>
  );
}
