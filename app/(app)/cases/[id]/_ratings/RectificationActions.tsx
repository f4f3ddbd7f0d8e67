'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { verifications, type RectificationState, type Verification } from '@/server/domain/ratings';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

const stepOf: Partial<Record<RectificationState, 'call_back' | 'verify' | 'report'>> = { callback_due: 'call_back', verifying: 'verify', rectifying: 'report' };

/** The next step of answering one bad rating: the director's (call back, verify, report) or the supervisor's (the appeal). */
export function RectificationActions({ caseId, ratingId, state, role }: { caseId: string; ratingId: string; state: RectificationState; role: 'director' | 'supervisor' }) {
  const t = useTranslations('rating');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'step' | 'appeal'>();
  const [note, setNote] = useState('');
  const [verification, setVerification] = useState<Verification>('substantiated');
  const [upheld, setUpheld] = useState(true);
  const answer = useMutation(trpc.rating.answer.mutationOptions({ ...options, onSuccess: () => (setNote(''), options.onSuccess()) }));
  const decide = useMutation(trpc.rating.decideAppeal.mutationOptions(options));
  const step = role === 'director' ? stepOf[state] : undefined;
  const appeal = role === 'supervisor' && state === 'appealed';
  if (!step && !appeal) return null;
  const label = step === 'call_back' ? t('callBack') : step === 'verify' ? t('verify') : step === 'report' ? t('report') : t('decideAppeal');
  const noteLabel = step === 'call_back' ? t('callbackNote') : step === 'verify' ? t('verifyNote') : step === 'report' ? t('reportNote') : t('appealNote');

  return (
    <>
      <button type="button" className={step === 'report' || appeal ? primaryButtonClass : secondaryButtonClass} onClick={() => open(step ? 'step' : 'appeal')}>
        {label}
      </button>
      <Modal open={dialog !== null} onClose={close} title={label}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (step) answer.mutate({ caseId, ratingId, step, note, verification: step === 'verify' ? verification : undefined });
            else decide.mutate({ caseId, ratingId, upheld, note });
          }}
        >
          {step === 'verify' && (
            <fieldset className="flex flex-col gap-2 text-sm">
              {verifications.map((v) => (
                <label key={v} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="verification" className="h-4 w-4" checked={verification === v} onChange={() => setVerification(v)} />
                  {t(`verification.${v}`)}
                </label>
              ))}
            </fieldset>
          )}
          {appeal && (
            <fieldset className="flex flex-col gap-2 text-sm">
              {[true, false].map((v) => (
                <label key={String(v)} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="upheld" className="h-4 w-4" checked={upheld === v} onChange={() => setUpheld(v)} />
                  {v ? t('upheld') : t('rejected')}
                </label>
              ))}
            </fieldset>
          )}
          <Field id={`rectification-note-${ratingId}`} label={noteLabel} error={errors.fields.note}>
            <textarea id={`rectification-note-${ratingId}`} rows={4} className={inputClass} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={answer.isPending || decide.isPending} className={`${primaryButtonClass} w-fit`}>
            {label}
          </PendingButton>
        </form>
      </Modal>
    </>
  );
}
