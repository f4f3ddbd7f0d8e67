'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { UserStatus } from '@/server/domain/roles';
import { primaryButtonClass, secondaryButtonClass } from '../../_components/Field';
import { describeError, useTRPC } from '../../_lib/trpc';

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
      <button type="button" className={`${secondaryButtonClass} text-sm`} onClick={() => change.mutate({ userId, status: 'active' })}>
        {t('enable')}
      </button>
    );
  }
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className={`${secondaryButtonClass} text-sm`}>{t('disable')}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/30" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t('confirmDisableTitle', { name })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-slate-600">{t('confirmDisableBody')}</Dialog.Description>
          {change.error && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {describeError(change.error).message}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close className={secondaryButtonClass}>{t('cancel')}</Dialog.Close>
            <button
              type="button"
              disabled={change.isPending}
              className={primaryButtonClass}
              onClick={() => change.mutate({ userId, status: 'disabled' })}
            >
              {t('confirm')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
