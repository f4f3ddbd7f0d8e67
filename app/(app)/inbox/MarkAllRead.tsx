'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { secondaryButtonClass } from '../../_components/Field';
import { useTRPC } from '../../_lib/trpc';
import { PendingButton } from '../../_components/PendingButton';

export function MarkAllRead() {
  const t = useTranslations('inbox');
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(trpc.inbox.markRead.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <PendingButton pending={mark.isPending} className={`${secondaryButtonClass} text-sm`} onClick={() => mark.mutate({})}>
      {t('markAllRead')}
    </PendingButton>
  );
}
