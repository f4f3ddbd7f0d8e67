'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from '../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../_components/Field';
import { Modal } from '../../_components/Modal';
import { PendingButton } from '../../_components/PendingButton';
import { useCaseDialog } from '../../_lib/use-case-dialog';
import { useTRPC } from '../../_lib/trpc';

/** The director records what was done about one early warning. */
export function DisposeWarning({ warningRef, label }: { warningRef: string; label: string }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'dispose'>();
  const [text, setText] = useState('');
  const dispose = useMutation(trpc.dashboard.disposeWarning.mutationOptions(options));
  return (
    <>
      <button type="button" className={`${secondaryButtonClass} mt-1`} onClick={() => open('dispose')} aria-label={`${t('dispose')}：${label}`}>
        {t('dispose')}
      </button>
      <Modal open={dialog === 'dispose'} onClose={close} title={`${t('dispose')}：${label}`}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            dispose.mutate({ ref: warningRef, disposition: text });
          }}
        >
          <Field id={`disposition-${warningRef.slice(0, 8)}`} label={t('disposition')} error={errors.fields.disposition}>
            <textarea id={`disposition-${warningRef.slice(0, 8)}`} rows={3} className={inputClass} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={dispose.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('dispose')}
          </PendingButton>
        </form>
      </Modal>
    </>
  );
}
