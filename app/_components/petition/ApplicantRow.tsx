'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Collapsible } from 'radix-ui';
import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { maskIdNumber } from '@/server/domain/id-number';
import { isAmount, normalizeAmount } from '@/server/domain/amount';
import { Field, inputClass } from '../Field';
import type { PetitionValues } from './values';

/**
 * One applicant as a single tappable line (name, masked ID number, amount), opened to edit.
 * Thirty workers then take thirty lines on a phone, not thirty forms.
 */
export function ApplicantRow({
  index,
  open,
  onOpenChange,
  onRemove,
  control,
  register,
  errors,
}: {
  index: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRemove?: () => void;
  control: Control<PetitionValues>;
  register: UseFormRegister<PetitionValues>;
  errors: Record<string, string>;
}) {
  const t = useTranslations('petition');
  const format = useFormatter();
  const applicant = useWatch({ control, name: `applicants.${index}` });
  const path = (field: string) => `applicants.${index}.${field}`;
  const err = (field: string) => errors[path(field)];
  const invalid = ['name', 'idNumber', 'phone', 'claimedAmount'].some((f) => err(f));
  const amount = normalizeAmount(applicant?.claimedAmount ?? '');
  const summary = [
    applicant?.name.trim() || t('unnamed'),
    applicant?.idNumber.trim() ? maskIdNumber(applicant.idNumber.trim().toUpperCase()) : null,
    amount && isAmount(amount) ? `¥${format.number(Number(amount))}` : null,
  ].filter(Boolean);

  const input = (field: 'name' | 'idNumber' | 'phone' | 'claimedAmount', extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input id={path(field)} className={inputClass} aria-invalid={!!err(field)} {...extra} {...register(`applicants.${index}.${field}`)} />
  );

  return (
    <Collapsible.Root open={open} onOpenChange={onOpenChange} asChild>
      <li className={`rounded-lg border ${invalid ? 'border-red-300' : 'border-slate-200'} bg-white`}>
        <Collapsible.Trigger className="flex min-h-12 w-full items-center gap-3 px-3 py-2 text-left">
          <span className="w-6 shrink-0 text-right font-mono text-xs text-slate-600">{index + 1}</span>
          <span className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3">
            <span className="sr-only">{t('applicantNo', { n: index + 1 })}：</span>
            <span className={`font-medium ${applicant?.name.trim() ? '' : 'text-slate-600'}`}>{summary[0]}</span>
            {summary.slice(1).map((part) => (
              <span key={part} className="font-mono text-sm text-slate-600">
                {part}
              </span>
            ))}
            {applicant?.isRepresentative && <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">{t('representative')}</span>}
            {invalid && <span className="text-xs font-medium text-red-700">{t('needsFixing')}</span>}
          </span>
          <span className="shrink-0 text-sm text-brand-700">
            {open ? (
              <span aria-hidden>▴</span>
            ) : (
              <>
                <span className="sr-only">，</span>
                {t('editApplicant')}
              </>
            )}
          </span>
        </Collapsible.Trigger>
        <Collapsible.Content className="border-t border-slate-100 p-3">
          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <legend className="sr-only">{t('applicantNo', { n: index + 1 })}</legend>
            <Field id={path('name')} label={t('applicantName')} error={err('name')}>
              {input('name', { autoComplete: 'off' })}
            </Field>
            <Field id={path('idNumber')} label={t('idNumber')} error={err('idNumber')}>
              {input('idNumber', { maxLength: 18, autoComplete: 'off' })}
            </Field>
            <Field id={path('phone')} label={t('applicantPhone')} error={err('phone')}>
              {input('phone', { inputMode: 'tel', autoComplete: 'off' })}
            </Field>
            <Field id={path('claimedAmount')} label={t('claimedAmount')} error={err('claimedAmount')}>
              {input('claimedAmount', { inputMode: 'decimal' })}
            </Field>
          </fieldset>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" className="h-5 w-5" {...register(`applicants.${index}.isRepresentative`)} />
              {t('representative')}
            </label>
            <span className="flex gap-2">
              {onRemove && (
                <button type="button" className="min-h-11 px-3 text-sm text-red-700 underline" onClick={onRemove}>
                  {t('removeApplicant')}
                </button>
              )}
              <Collapsible.Trigger className="min-h-11 rounded-md border border-slate-300 px-4 text-sm">{t('doneApplicant')}</Collapsible.Trigger>
            </span>
          </div>
        </Collapsible.Content>
      </li>
    </Collapsible.Root>
  );
}
