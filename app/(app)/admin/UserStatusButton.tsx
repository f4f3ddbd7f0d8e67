'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UserStatus } from '@/server/domain/roles';
import { primaryButtonClass, secondaryButtonClass } from '../../_components/Field';
import { Modal, ModalClose } from '../../_components/Modal';
import { describeError, useTRPC } from '../../_lib/trpc';
import { ErrorMessage } from '../../_components/ErrorMessage';
import { PendingButton } from '../../_components/PendingButton';

export function UserStatusButton({ userId, name, status }: { userId: string; name: string; status: UserStatus }) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const change = useMutation(
    trpc.admin.setUserStatus.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );
  if (status === 'disabled') {
    return (
      <PendingButton pending={change.isPending} className={`${secondaryButtonClass} text-sm`} onClick={() => change.mutate({ userId, status: 'active' })}>
        {t('enable')}
      </PendingButton>
    );
  }
  return (
    <>
      <button type="button" className={`${secondaryButtonClass} text-sm`} onClick={() => setOpen(true)}>
        {t('disable')}
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={t('confirmDisableTitle', { name })} description={t('confirmDisableBody')}>
        {change.error && (
          <ErrorMessage className="mt-3">{describeError(change.error).message}</ErrorMessage>
        )}
        <div className="mt-6 flex justify-end gap-2">
          <ModalClose className={secondaryButtonClass}>{t('cancel')}</ModalClose>
          <PendingButton pending={change.isPending} className={primaryButtonClass} onClick={() => change.mutate({ userId, status: 'disabled' })}>
            {t('confirm')}
          </PendingButton>
        </div>
      </Modal>
    </>
  );
}
