'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { closureOutcomes, replyDecisions, terminationKinds } from '@/server/domain/agreements';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

type Dialog = 'terminate' | 'close' | 'reply' | 'report';
const outcomes = closureOutcomes.filter((o) => o !== 'terminated');

/**
 * Ending the case: terminating a mediation without agreement (with the notice of routes),
 * closing it with its outcome, a petition's written reply, or the report of a body a matter
 * was assigned to. The server says which of these are open.
 */
export function ClosureActions({ caseId, version, actions, petition }: { caseId: string; version: number; actions: string[]; petition: boolean }) {
  const t = useTranslations('closure');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<Dialog>();
  const [form, setForm] = useState({ kind: 'failed', outcome: 'resolved', decision: 'explained', reason: '', text: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const terminate = useMutation(trpc.resolution.terminate.mutationOptions(options));
  const closeCase = useMutation(trpc.resolution.close.mutationOptions(options));
  const reply = useMutation(trpc.resolution.reply.mutationOptions(options));
  const report = useMutation(trpc.resolution.receiveReport.mutationOptions(options));
  const open_ = {
    terminate: actions.includes('terminate') && !petition,
    close: actions.includes('close'),
    reply: actions.includes('reply') && petition,
    report: actions.includes('receive_report'),
  };
  if (!Object.values(open_).some(Boolean)) return null;
  const submit = (label: string, pending: boolean) => (
    <>
      <ErrorMessage boxed>{formError}</ErrorMessage>
      <PendingButton type="submit" pending={pending} className={`${primaryButtonClass} w-fit`}>
        {label}
      </PendingButton>
    </>
  );
  const select = (id: string, key: 'kind' | 'outcome' | 'decision', values: readonly string[], prefix: string, label: string) => (
    <Field id={id} label={label} error={errors.fields[key === 'decision' ? 'decision' : key]}>
      <select id={id} className={inputClass} value={form[key]} onChange={set(key)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}`)}
          </option>
        ))}
      </select>
    </Field>
  );
  const reasonField = (id: string, label: string, key: 'reason' | 'text' = 'reason') => (
    <Field id={id} label={label} error={errors.fields[key === 'text' ? (dialog === 'report' ? 'report' : 'text') : 'reason']}>
      <textarea id={id} rows={4} className={inputClass} value={form[key]} onChange={set(key)} />
    </Field>
  );

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="closure-actions-title">
      <h2 id="closure-actions-title" className="mb-3 font-medium">
        {t('title')}
      </h2>
      <div className="flex flex-wrap gap-2">
        {open_.close && (
          <button type="button" className={primaryButtonClass} onClick={() => open('close')}>
            {t('close')}
          </button>
        )}
        {open_.reply && (
          <button type="button" className={primaryButtonClass} onClick={() => open('reply')}>
            {t('writeReply')}
          </button>
        )}
        {open_.terminate && (
          <button type="button" className={secondaryButtonClass} onClick={() => open('terminate')}>
            {t('terminate')}
          </button>
        )}
        {open_.report && (
          <button type="button" className={primaryButtonClass} onClick={() => open('report')}>
            {t('receiveReport')}
          </button>
        )}
      </div>
      <Modal open={dialog === 'terminate'} onClose={close} title={t('terminate')} description={t('terminateHint')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            terminate.mutate({ caseId, kind: form.kind as (typeof terminationKinds)[number], reason: form.reason, expectedVersion: version });
          }}
        >
          {select('termination-kind', 'kind', terminationKinds, 'termination', t('terminationKind'))}
          {reasonField('termination-reason', t('reason'))}
          {submit(t('terminate'), terminate.isPending)}
        </form>
      </Modal>
      <Modal open={dialog === 'close'} onClose={close} title={t('close')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            closeCase.mutate({ caseId, outcome: form.outcome as (typeof outcomes)[number], reason: form.reason || undefined, expectedVersion: version });
          }}
        >
          {select('closure-outcome', 'outcome', outcomes, 'outcome', t('outcomeLabel'))}
          {reasonField('closure-reason', t('note'))}
          {submit(t('close'), closeCase.isPending)}
        </form>
      </Modal>
      <Modal open={dialog === 'reply'} onClose={close} title={t('writeReply')} description={t('replyHint')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            reply.mutate({ caseId, decision: form.decision as (typeof replyDecisions)[number], text: form.text, expectedVersion: version });
          }}
        >
          {select('reply-decision', 'decision', replyDecisions, 'reply', t('decision'))}
          {reasonField('reply-text', t('replyText'), 'text')}
          {submit(t('writeReply'), reply.isPending)}
        </form>
      </Modal>
      <Modal open={dialog === 'report'} onClose={close} title={t('receiveReport')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            report.mutate({ caseId, report: form.text, outcome: form.outcome as (typeof outcomes)[number], expectedVersion: version });
          }}
        >
          {reasonField('report-text', t('report'), 'text')}
          {select('report-outcome', 'outcome', outcomes, 'outcome', t('outcomeLabel'))}
          {submit(t('receiveReport'), report.isPending)}
        </form>
      </Modal>
    </section>
  );
}
