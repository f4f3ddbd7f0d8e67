'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass } from '../../../_components/Field';
import { PendingButton } from '../../../_components/PendingButton';
import { SelectField } from '../../../_components/SelectField';
import { useCaseDialog } from '../../../_lib/use-case-dialog';
import { useTRPC } from '../../../_lib/trpc';
import type { CenterWarningRule, ThresholdField, Thresholds } from '@/server/domain/warning-settings';

/** The director's form for one rule: on or off, its thresholds, its owner. One column, so it works on a phone. */
export function WarningRuleForm({
  rule,
  title,
  enabled,
  fields,
  thresholds,
  defaults,
  ownerId,
  staff,
}: {
  rule: CenterWarningRule;
  title: string;
  enabled: boolean;
  fields: ThresholdField[];
  thresholds: Thresholds;
  defaults: Thresholds;
  ownerId: string | null;
  staff: { id: string; label: string }[];
}) {
  const t = useTranslations('warnings');
  const trpc = useTRPC();
  const { errors, options, formError } = useCaseDialog<never>();
  const [on, setOn] = useState(enabled);
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields.map((f) => [f, String(thresholds[f] ?? '')])));
  // The empty value stands for the directors: Radix's select has no empty option of its own.
  const [owner, setOwner] = useState(ownerId ?? 'directors');
  const save = useMutation(trpc.warnings.setRule.mutationOptions(options));
  const id = (field: string) => `${rule}-${field}`;
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          rule,
          enabled: on,
          // An emptied field is sent as missing, so it is refused as required rather than read as 0.
          thresholds: Object.fromEntries(fields.filter((f) => values[f]!.trim() !== '').map((f) => [f, Number(values[f])])),
          ownerId: owner === 'directors' ? null : owner,
        });
      }}
    >
      <h2 className="font-medium">{title}</h2>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="size-5" checked={on} onChange={(e) => setOn(e.target.checked)} />
        {t('enabled')}
      </label>
      {fields.length === 0 && <p className="text-sm text-slate-600">{t('noThresholds')}</p>}
      {fields.map((field) => (
        <Field key={field} id={id(field)} label={t(`field.${rule}.${field}`)} hint={t('defaultValue', { value: defaults[field] ?? '' })} error={errors.fields[`thresholds.${field}`]}>
          <input
            id={id(field)}
            type="number"
            inputMode="numeric"
            step={1}
            className={inputClass}
            value={values[field]}
            aria-invalid={!!errors.fields[`thresholds.${field}`]}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          />
        </Field>
      ))}
      <Field id={id('owner')} label={t('owner')} error={errors.fields.ownerId}>
        <SelectField id={id('owner')} value={owner} onChange={setOwner} options={[{ value: 'directors', label: t('ownerDirectors') }, ...staff.map((s) => ({ value: s.id, label: s.label }))]} placeholder={t('owner')} invalid={!!errors.fields.ownerId} />
      </Field>
      <ErrorMessage boxed>{formError}</ErrorMessage>
      <span className="flex items-center gap-3">
        <PendingButton type="submit" pending={save.isPending} className={`${primaryButtonClass} w-fit`}>
          {t('save')}
        </PendingButton>
        {save.isSuccess && !save.isPending && (
          <span role="status" className="text-sm text-slate-600">
            {t('saved')}
          </span>
        )}
      </span>
    </form>
  );
}
