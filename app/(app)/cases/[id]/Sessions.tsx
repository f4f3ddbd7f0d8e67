'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sessionOutcomes } from '@/server/domain/sessions';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../_components/Field';
import { SelectField } from '../../../_components/SelectField';
import { describeError, useTRPC } from '../../../_lib/trpc';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { PendingButton } from '../../../_components/PendingButton';

interface Session {
  id: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  onlineLink: string | null;
  status: string;
  outcome: string | null;
  minutes: string | null;
}

/** A datetime-local value is read as Beijing time, wherever the browser is. */
const beijing = (value: string) => new Date(`${value}:00+08:00`);

export function Sessions({
  caseId,
  sessions,
  canRun,
  panel,
  parties,
}: {
  caseId: string;
  sessions: Session[];
  canRun: boolean;
  panel: { userId: string; name: string }[];
  parties: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState({ startsAt: '', endsAt: '', room: '', onlineLink: '' });
  const [memberIds, setMemberIds] = useState<string[]>(panel.map((m) => m.userId));
  const [partyIds, setPartyIds] = useState<string[]>(parties.map((p) => p.id));
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const [recording, setRecording] = useState<{ sessionId: string; minutes: string; outcome: string } | null>(null);
  const done = () => {
    setOpen(false);
    setRecording(null);
    setErrors({ fields: {} });
    router.refresh();
  };
  const onError = (e: unknown) => setErrors(describeError(e));
  const schedule = useMutation(trpc.case.scheduleSession.mutationOptions({ onSuccess: done, onError }));
  const record = useMutation(trpc.case.recordSession.mutationOptions({ onSuccess: done, onError }));
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="sessions-title">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="sessions-title" className="font-medium">
          {t('session.title')}
        </h2>
        {canRun && !open && (
          <button type="button" className={`${secondaryButtonClass} min-h-11 px-3 py-1.5 text-sm`} onClick={() => setOpen(true)}>
            {t('session.schedule')}
          </button>
        )}
      </div>
      {sessions.length === 0 && <p className="text-sm text-slate-500">{t('session.none')}</p>}
      <ul className="flex flex-col gap-2 text-sm">
        {sessions.map((s) => (
          <li key={s.id} className="rounded-md border border-slate-100 p-2">
            <p>
              {format.dateTime(s.startsAt, { dateStyle: 'medium', timeStyle: 'short' })} – {format.dateTime(s.endsAt, { timeStyle: 'short' })} ·{' '}
              {s.room ?? s.onlineLink} · {t(`session.status.${s.status}`)}
              {s.outcome && ` · ${t(`session.outcomes.${s.outcome}`)}`}
            </p>
            {s.minutes && <p className="mt-1 whitespace-pre-wrap text-slate-600">{s.minutes}</p>}
            {canRun && s.status === 'scheduled' && recording?.sessionId !== s.id && (
              <button type="button" className="mt-1 min-h-11 text-brand-700 underline" onClick={() => setRecording({ sessionId: s.id, minutes: '', outcome: '' })}>
                {t('session.record')}
              </button>
            )}
            {recording?.sessionId === s.id && (
              <form
                className="mt-2 flex flex-col gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  record.mutate({ caseId, ...recording, outcome: recording.outcome as (typeof sessionOutcomes)[number] });
                }}
              >
                <Field id={`minutes-${s.id}`} label={t('session.minutes')} error={errors.fields.minutes}>
                  <textarea id={`minutes-${s.id}`} rows={3} className={inputClass} value={recording.minutes} onChange={(e) => setRecording({ ...recording, minutes: e.target.value })} />
                </Field>
                <Field id={`outcome-${s.id}`} label={t('session.outcome')} error={errors.fields.outcome}>
                  <SelectField
                    id={`outcome-${s.id}`}
                    value={recording.outcome}
                    onChange={(outcome) => setRecording({ ...recording, outcome })}
                    options={sessionOutcomes.map((o) => ({ value: o, label: t(`session.outcomes.${o}`) }))}
                    placeholder={t('session.outcome')}
                  />
                </Field>
                <PendingButton type="submit" className={`${primaryButtonClass} w-fit`} pending={record.isPending}>
                  {t('session.record')}
                </PendingButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <form
          className="mt-3 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            schedule.mutate({
              caseId,
              startsAt: beijing(plan.startsAt),
              endsAt: beijing(plan.endsAt),
              room: plan.room,
              onlineLink: plan.onlineLink,
              memberIds,
              partyIds,
            });
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="session-start" label={t('session.startsAt')} error={errors.fields.startsAt}>
              <input id="session-start" type="datetime-local" className={inputClass} value={plan.startsAt} onChange={(e) => setPlan({ ...plan, startsAt: e.target.value })} />
            </Field>
            <Field id="session-end" label={t('session.endsAt')} error={errors.fields.endsAt}>
              <input id="session-end" type="datetime-local" className={inputClass} value={plan.endsAt} onChange={(e) => setPlan({ ...plan, endsAt: e.target.value })} />
            </Field>
            <Field id="session-room" label={t('session.room')} error={errors.fields.room}>
              <input id="session-room" className={inputClass} value={plan.room} onChange={(e) => setPlan({ ...plan, room: e.target.value })} />
            </Field>
            <Field id="session-link" label={t('session.onlineLink')} error={errors.fields.onlineLink}>
              <input id="session-link" type="url" className={inputClass} value={plan.onlineLink} onChange={(e) => setPlan({ ...plan, onlineLink: e.target.value })} />
            </Field>
          </div>
          <fieldset className="text-sm">
            <legend className="mb-1 font-medium">{t('session.attendees')}</legend>
            <div className="flex flex-wrap gap-3">
              {panel.map((m) => (
                <label key={m.userId} className="flex min-h-11 items-center gap-1">
                  <input className="h-5 w-5" type="checkbox" checked={memberIds.includes(m.userId)} onChange={() => setMemberIds(toggle(memberIds, m.userId))} />
                  {m.name}
                </label>
              ))}
              {parties.map((p) => (
                <label key={p.id} className="flex min-h-11 items-center gap-1">
                  <input className="h-5 w-5" type="checkbox" checked={partyIds.includes(p.id)} onChange={() => setPartyIds(toggle(partyIds, p.id))} />
                  {p.name}
                </label>
              ))}
            </div>
            <ErrorMessage>{errors.fields.memberIds}</ErrorMessage>
          </fieldset>
          {errors.message && !Object.keys(errors.fields).length && (
            <ErrorMessage>{errors.message}</ErrorMessage>
          )}
          <PendingButton type="submit" className={`${primaryButtonClass} w-fit`} pending={schedule.isPending}>
            {t('session.save')}
          </PendingButton>
        </form>
      )}
    </section>
  );
}
