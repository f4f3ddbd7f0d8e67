'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { hasErrorUnder } from '../../_lib/field-errors';
import { secondaryButtonClass } from '../Field';
import { ApplicantRow } from './ApplicantRow';
import { emptyApplicant, isBlankApplicant, type ApplicantValues, type PetitionValues } from './values';

// Loaded when a representative opens it: most petitions have one applicant.
const RosterPasteDialog = dynamic(() => import('./RosterPasteDialog').then((m) => m.RosterPasteDialog), { ssr: false });

/**
 * The applicants as a compact list: one line each, one open at a time when adding, any
 * opened to edit; rows with errors open themselves. A representative can paste the list.
 */
export function ApplicantsField({ form, errors }: { form: UseFormReturn<PetitionValues>; errors: Record<string, string> }) {
  const t = useTranslations('petition');
  const tr = useTranslations('roster');
  const { control, register, getValues } = form;
  const applicants = useFieldArray({ control, name: 'applicants' });
  // Open rows by position; a single applicant (the usual petition) starts open.
  const [open, setOpen] = useState<Set<number>>(() => new Set(getValues('applicants').length === 1 ? [0] : []));
  const [pasting, setPasting] = useState(false);
  const count = applicants.fields.length;

  // A refused row opens at once (so the form can focus its field) and stays open once fixed,
  // rather than folding away under the person's finger: kept open when new errors arrive.
  const [seenErrors, setSeenErrors] = useState(errors);
  if (seenErrors !== errors) {
    setSeenErrors(errors);
    const refused = applicants.fields.map((_, i) => i).filter((i) => hasErrorUnder(errors, `applicants.${i}`) && !open.has(i));
    if (refused.length) setOpen(new Set([...open, ...refused]));
  }

  const toggle = (i: number, next: boolean) =>
    setOpen((current) => {
      const copy = new Set(current);
      if (next) copy.add(i);
      else copy.delete(i);
      return copy;
    });

  function add() {
    setOpen(new Set([...open].filter((i) => hasErrorUnder(errors, `applicants.${i}`)).concat(count)));
    applicants.append(emptyApplicant, { focusName: `applicants.${count}.name` });
  }

  function remove(i: number) {
    setOpen((current) => new Set([...current].filter((j) => j !== i).map((j) => (j > i ? j - 1 : j))));
    applicants.remove(i);
  }

  function addPasted(rows: ApplicantValues[]) {
    // An untouched empty row (the clerk's form starts with one) gives way to the list.
    const blank = getValues('applicants')
      .map((a, i) => (isBlankApplicant(a) ? i : -1))
      .filter((i) => i >= 0);
    if (blank.length) applicants.remove(blank);
    applicants.append(rows, { shouldFocus: false });
    setOpen(new Set());
  }

  return (
    <>
      <p className="text-sm text-slate-700">{t('applicantCount', { n: count })}</p>
      <ol className="flex flex-col gap-2">
        {applicants.fields.map((row, i) => (
          <ApplicantRow
            key={row.id}
            index={i}
            open={open.has(i) || hasErrorUnder(errors, `applicants.${i}`)}
            onOpenChange={(next) => toggle(i, next)}
            onRemove={count > 1 ? () => remove(i) : undefined}
            control={control}
            register={register}
            errors={errors}
          />
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={add}>
          ＋ {t('addApplicant')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setPasting(true)}>
          {tr('paste')}
        </button>
      </div>
      {pasting && (
        <RosterPasteDialog
          open
          onClose={() => setPasting(false)}
          listedIdNumbers={getValues('applicants').map((a) => a.idNumber.trim()).filter(Boolean)}
          onAdd={addPasted}
        />
      )}
    </>
  );
}
