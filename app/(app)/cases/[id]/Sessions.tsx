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

interface Slot {
  startsAt: string;
  endsAt: string;
  room: string;
  onlineLink: string;
}

/** A datetime-local value is read as Beijing time, wherever the browser is. */
const beijing = (value: string) => new Date(`${value}:00+08:00`);
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
const emptySlot: Slot = { startsAt: '', endsAt: '', room: '', onlineLink: '' };
type Errors = { message?: string; fields: Record<string, string> };

function SlotFields({ prefix, slot, onChange, errors }: { prefix: string; slot: Slot; onChange: (slot: Slot) => void; errors: Errors }) {
  const t = useTranslations('session');
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={`${prefix}-start`} label={t('startsAt')} error={errors.fields.startsAt}>
        <input id={`${prefix}-start`} type="datetime-local" className={inputClass} value={slot.startsAt} onChange={(e) => onChange({ ...slot, startsAt: e.target.value })} />
      </Field>
      <Field id={`${prefix}-end`} label={t('endsAt')} error={errors.fields.endsAt}>
        <input id={`${prefix}-end`} type="datetime-local" className={inputClass} value={slot.endsAt} onChange={(e) => onChange({ ...slot, endsAt: e.target.value })} />
      </Field>
      <Field id={`${prefix}-room`} label={t('room')} error={errors.fields.room}>
        <input id={`${prefix}-room`} className={inputClass} value={slot.room} onChange={(e) => onChange({ ...slot, room: e.target.value })} />
      </Field>
      <Field id={`${prefix}-link`} label={t('onlineLink')} error={errors.fields.onlineLink}>
        <input id={`${prefix}-link`} type="url" className={inputClass} value={slot.onlineLink} onChange={(e) => onChange({ ...slot, onlineLink: e.target.value })} />
      </Field>
    </div>
  );
}

const asInput = (slot: Slot) => ({ startsAt: beijing(slot.startsAt), endsAt: beijing(slot.endsAt), room: slot.room, onlineLink: slot.onlineLink });

/** The case's mediation sessions: schedule, move, cancel (attendees are told), and record what happened. */
export function Sessions({
  caseId,
  sessions,
  canSchedule,
  canRecord,
  panel,
  parties,
}: {
  caseId: string;
  sessions: Session[];
  canSchedule: boolean;
  canRecord: boolean;
  panel: { userId: string; name: string }[];
  parties: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<Slot>(emptySlot);
  const [memberIds, setMemberIds] = useState<string[]>(panel.map((m) => m.userId));
  const [partyIds, setPartyIds] = useState<string[]>(parties.map((p) => p.id));
  const [errors, setErrors] = useState<Errors>({ fields: {} });
  const [recording, setRecording] = useState<{ sessionId: string; minutes: string; outcome: string } | null>(null);
  const [moving, setMoving] = useState<{ sessionId: string; slot: Slot } | null>(null);
  const [cancelling, setCancelling] = useState<{ sessionId: string; reason: string } | null>(null);
  const done = () => {
    setOpen(false);
    setRecording(null);
    setMoving(null);
    setCancelling(null);
    setErrors({ fields: {} });
    router.refresh();
  };
  const onError = (e: unknown) => setErrors(describeError(e));
  const schedule = useMutation(trpc.case.scheduleSession.mutationOptions({ onSuccess: done, onError }));
  const reschedule = useMutation(trpc.case.rescheduleSession.mutationOptions({ onSuccess: done, onError }));
  const cancel = useMutation(trpc.case.cancelSession.mutationOptions({ onSuccess: done, onError }));
  const record = useMutation(trpc.case.recordSession.mutationOptions({ onSuccess: done, onError }));
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const formError = errors.message && !Object.keys(errors.fields).length ? <ErrorMessage>{errors.message}</ErrorMessage> : null;
  // Whether a session has begun, as of when the page was shown.
  const [now] = useState(() => Date.now());
  const linkButton = 'min-h-11 text-brand-700 underline';

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="sessions-title">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="sessions-title" className="font-medium">
          {t('session.title')}
        </h2>
        {canSchedule && !open && (
          <button type="button" className={`${secondaryButtonClass} min-h-11 px-3 py-1.5 text-sm`} onClick={() => setOpen(true)}>
            {t('session.schedule')}
          </button>
        )}
      </div>
      {sessions.length === 0 && <p className="text-sm text-slate-500">{t('session.none')}</p>}
      <ul className="flex flex-col gap-2 text-sm">
        {sessions.map((s) => {
          const scheduled = s.status === 'scheduled';
          return (
            <li key={s.id} className="rounded-md border border-slate-100 p-2">
              <p className={s.status === 'cancelled' ? 'text-slate-500 line-through' : ''}>
                {format.dateTime(s.startsAt, { dateStyle: 'medium', timeStyle: 'short' })} – {format.dateTime(s.endsAt, { timeStyle: 'short' })} ·{' '}
                {s.room ?? s.onlineLink} · {t(`session.status.${s.status}`)}
                {s.outcome && ` · ${t(`session.outcomes.${s.outcome}`)}`}
              </p>
              {s.minutes && <p className="mt-1 whitespace-pre-wrap text-slate-600">{s.minutes}</p>}
              {scheduled && (
                <div className="flex flex-wrap gap-x-4">
                  {canRecord && s.startsAt.getTime() <= now && recording?.sessionId !== s.id && (
                    <button type="button" className={linkButton} onClick={() => setRecording({ sessionId: s.id, minutes: '', outcome: '' })}>
                      {t('session.record')}
                    </button>
                  )}
                  {canSchedule && (
                    <button
                      type="button"
                      className={linkButton}
                      onClick={() => setMoving({ sessionId: s.id, slot: { startsAt: local(s.startsAt), endsAt: local(s.endsAt), room: s.room ?? '', onlineLink: s.onlineLink ?? '' } })}
                    >
                      {t('session.reschedule')}
                    </button>
                  )}
                  {canSchedule && (
                    <button type="button" className={linkButton} onClick={() => setCancelling({ sessionId: s.id, reason: '' })}>
                      {t('session.cancel')}
                    </button>
                  )}
                </div>
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
                  {formError}
                  <PendingButton type="submit" className={`${primaryButtonClass} w-fit`} pending={record.isPending}>
                    {t('session.record')}
                  </PendingButton>
                </form>
              )}
              {moving?.sessionId === s.id && (
                <form
                  className="mt-2 flex flex-col gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    reschedule.mutate({ caseId, sessionId: s.id, ...asInput(moving.slot) });
                  }}
                >
                  <SlotFields prefix={`move-${s.id}`} slot={moving.slot} onChange={(slot) => setMoving({ ...moving, slot })} errors={errors} />
                  {formError}
                  <PendingButton type="submit" className={`${primaryButtonClass} w-fit`} pending={reschedule.isPending}>
                    {t('session.reschedule')}
                  </PendingButton>
                </form>
              )}
              {cancelling?.sessionId === s.id && (
                <form
                  className="mt-2 flex flex-col gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    cancel.mutate({ caseId, sessionId: s.id, reason: cancelling.reason });
                  }}
                >
                  <Field id={`cancel-${s.id}`} label={t('session.cancelReason')} error={errors.fields.reason}>
                    <input id={`cancel-${s.id}`} className={inputClass} value={cancelling.reason} onChange={(e) => setCancelling({ ...cancelling, reason: e.target.value })} />
                  </Field>
                  {formError}
                  <PendingButton type="submit" className={`${primaryButtonClass} w-fit`} pending={cancel.isPending}>
                    {t('session.confirmCancel')}
                  </PendingButton>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {open && (
        <form
          className="mt-3 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            schedule.mutate({ caseId, ...asInput(plan), memberIds, partyIds });
          }}
        >
          <SlotFields prefix="session" slot={plan} onChange={setPlan} errors={errors} />
          <fieldset className="text-sm">
            <legend className="mb-1 font-medium">{t('session.attendees')}</legend>
            <div className="flex flex-wrap gap-x-4">
              {panel.map((m) => (
                <label key={m.userId} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="h-5 w-5" checked={memberIds.includes(m.userId)} onChange={() => setMemberIds(toggle(memberIds, m.userId))} />
                  {m.name}
                </label>
              ))}
              {parties.map((p) => (
                <label key={p.id} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="h-5 w-5" checked={partyIds.includes(p.id)} onChange={() => setPartyIds(toggle(partyIds, p.id))} />
                  {p.name}
                </label>
              ))}
            </div>
            <ErrorMessage>{errors.fields.memberIds}</ErrorMessage>
          </fieldset>
          {formError}
          <PendingButton type="submit" className={`${primaryButtonClass} w-fit`} pending={schedule.isPending}>
            {t('session.save')}
          </PendingButton>
        </form>
      )}
    </section>
  );
}
