'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ErrorMessage } from '../../_components/ErrorMessage';
import { secondaryButtonClass } from '../../_components/Field';
import { PendingButton } from '../../_components/PendingButton';
import { useCaseDialog } from '../../_lib/use-case-dialog';
import { useTRPC } from '../../_lib/trpc';

/** 签收: the owner (or a director) takes the warning on at the level shown. */
export function AcknowledgeWarning({ warningRef, level, label }: { warningRef: string; level: 'yellow' | 'red'; label: string }) {
  const t = useTranslations('warnings');
  const trpc = useTRPC();
  const { options, formError } = useCaseDialog<never>();
  const acknowledge = useMutation(trpc.warnings.acknowledge.mutationOptions(options));
  return (
    <span className="mt-1 inline-flex flex-wrap items-center gap-2">
      <PendingButton className={secondaryButtonClass} pending={acknowledge.isPending} onClick={() => acknowledge.mutate({ ref: warningRef, level })} aria-label={`${t('acknowledge')}：${label}`}>
        {t('acknowledge')}
      </PendingButton>
      <ErrorMessage>{formError}</ErrorMessage>
    </span>
  );
}
