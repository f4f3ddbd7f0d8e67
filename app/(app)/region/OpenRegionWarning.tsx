'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ErrorMessage } from '../../_components/ErrorMessage';
import { secondaryButtonClass } from '../../_components/Field';
import { PendingButton } from '../../_components/PendingButton';
import { describeError, useTRPC } from '../../_lib/trpc';

/** The supervisor opens one region warning's cases: asked for, not loaded with the page, because opening is audited. */
export function OpenRegionWarning({ warningRef }: { warningRef: string }) {
  const t = useTranslations('warnings');
  const trpc = useTRPC();
  const open = useMutation(trpc.warnings.openRegion.mutationOptions());
  if (!open.data) {
    return (
      <span className="mt-1 inline-flex flex-wrap items-center gap-2">
        <PendingButton className={secondaryButtonClass} pending={open.isPending} onClick={() => open.mutate({ ref: warningRef })}>
          {t('regionOpen')}
        </PendingButton>
        <ErrorMessage>{open.error ? describeError(open.error).message : null}</ErrorMessage>
      </span>
    );
  }
  return (
    <div className="mt-1">
      <p className="text-slate-700">{t('regionRespondent', { name: open.data.respondent })}</p>
      <ul className="flex flex-col">
        {open.data.cases.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-x-2">
            <Link href={`/cases/${c.id}`} className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 underline">
              {c.caseNumber}
            </Link>
            <span className="text-slate-600">{c.centerName}</span>
            <span className="text-slate-700">{c.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
