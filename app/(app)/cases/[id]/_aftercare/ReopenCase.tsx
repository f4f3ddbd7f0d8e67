'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

/** The director takes a closed case up again when its dispute came back; its history stays. */
export function ReopenCase({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations('followUp');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'reopen'>();
  const [reason, setReason] = useState('');
  const reopen = useMutation(trpc.aftercare.reopen.mutationOptions(options));
  return (
    <>
      <button type="button" className={secondaryButtonClass} onClick={() => open('reopen')}>
        {t('reopen')}
      </button>
      <Modal open={dialog === 'reopen'} onClose={close} title={t('reopen')} description={t('reopenHint')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            reopen.mutate({ caseId, reason, expectedVersion: version });
          }}
        >
          <Field id="reopen-reason" label={t('reopenReason')} error={errors.fields.reason}>
            <textarea id="reopen-reason" rows={3} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={reopen.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('reopen')}
          </PendingButton>
        </form>
      </Modal>
    </>
  );
}
