'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ErrorMessage } from '../../_components/ErrorMessage';
import { secondaryButtonClass } from '../../_components/Field';
import { PendingButton } from '../../_components/PendingButton';
import { useCaseDialog } from '../../_lib/use-case-dialog';
import { useTRPC } from '../../_lib/trpc';

/** The director freezes an ended month's figures. */
export function FreezeMonth({ month }: { month: string }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const { options, formError } = useCaseDialog<never>();
  const freeze = useMutation(trpc.dashboard.freeze.mutationOptions(options));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <PendingButton className={secondaryButtonClass} pending={freeze.isPending} onClick={() => freeze.mutate({ month })}>
        {t('freeze')}
      </PendingButton>
      <span className="text-slate-600">{t('freezeHint')}</span>
      <ErrorMessage>{formError}</ErrorMessage>
    </div>
  );
}
