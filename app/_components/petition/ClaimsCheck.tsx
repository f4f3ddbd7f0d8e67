'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useWatch, type Control } from 'react-hook-form';
import { compareClaims, normalizeAmount } from '@/server/domain/amount';
import type { PetitionValues } from './values';

/** A warning, not a refusal: the workers' claims may rightly differ from the amount in dispute. */
export function ClaimsCheck({ control }: { control: Control<PetitionValues> }) {
  const t = useTranslations('petition');
  const format = useFormatter();
  const [amount, applicants] = useWatch({ control, name: ['amountInDispute', 'applicants'] });
  const result = compareClaims(amount ?? '', (applicants ?? []).map((a) => a.claimedAmount));
  if (!result || result.matches) return null;
  const yuan = (value: string) => format.number(Number(value));
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t('claimsMismatch', { total: yuan(result.total), amount: yuan(normalizeAmount(amount)) })}
    </p>
  );
}
