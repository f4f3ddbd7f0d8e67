'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { TermKind } from '@/server/domain/agreements';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';
import type { AgreementView, PartyOption } from './types';

interface TermDraft {
  kind: TermKind;
  obligorPartyId: string;
  obligeePartyId: string;
  description: string;
  amount: string;
  dueOn: string;
  place: string;
  guarantor: string;
  onDefault: string;
}

const blankTerm = (obligor: string): TermDraft => ({ kind: 'payment', obligorPartyId: obligor, obligeePartyId: '', description: '', amount: '', dueOn: '', place: '', guarantor: '', onDefault: '' });

const fromView = (terms: AgreementView['terms']): TermDraft[] =>
  terms.map((t) => ({
    kind: t.kind,
    obligorPartyId: t.obligorPartyId,
    obligeePartyId: t.obligeePartyId ?? '',
    description: t.description,
    amount: t.amount ?? '',
    dueOn: t.dueOn ?? '',
    place: t.place ?? '',
    guarantor: t.guarantor ?? '',
    onDefault: t.onDefault ?? '',
  }));

const toInput = (t: TermDraft) => ({
  kind: t.kind,
  obligorPartyId: t.obligorPartyId,
  obligeePartyId: t.obligeePartyId || null,
  description: t.description,
  amount: t.kind === 'payment' && t.amount ? t.amount : null,
  dueOn: t.dueOn || null,
  place: t.place || null,
  guarantor: t.guarantor || null,
  onDefault: t.onDefault || null,
});

/**
 * The lead mediator writes the agreement from the case: facts, issues, responsibility and the
 * terms. In a group case one payment term per worker comes from their claims in one step and
 * is then adjusted. An oral agreement is recorded with its content and takes effect at once;
 * a supplementary one amends an effective agreement.
 */
export function AgreementEditor({
  caseId,
  version,
  parties,
  draft,
  supplementOf,
  oral,
  label,
}: {
  caseId: string;
  version: number;
  parties: PartyOption[];
  draft: AgreementView | null;
  supplementOf: string | null;
  oral: boolean;
  label: string;
}) {
  const t = useTranslations('agreement');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'edit'>();
  const respondent = parties.find((p) => p.role === 'respondent')?.id ?? '';
  const applicants = parties.filter((p) => p.role === 'applicant');
  const [text, setText] = useState({ facts: draft?.facts ?? '', issues: draft?.issues ?? '', responsibility: draft?.responsibility ?? '', content: '' });
  const [terms, setTerms] = useState<TermDraft[]>(draft ? fromView(draft.terms) : []);
  const [dueForAll, setDueForAll] = useState('');
  const save = useMutation(trpc.resolution.saveDraft.mutationOptions(options));
  const recordOral = useMutation(trpc.resolution.recordOral.mutationOptions(options));
  const pending = save.isPending || recordOral.isPending;

  const setTerm = (i: number, patch: Partial<TermDraft>) => setTerms(terms.map((term, j) => (j === i ? { ...term, ...patch } : term)));
  const termPerWorker = () =>
    setTerms(
      applicants.map((a) => ({
        ...blankTerm(respondent),
        obligeePartyId: a.id,
        description: t('wagesTo'),
        amount: a.claimedAmount ?? '',
        dueOn: dueForAll,
      })),
    );
  const submit = () => {
    const input = { caseId, terms: terms.map(toInput), expectedVersion: version };
    if (oral) recordOral.mutate({ ...input, content: text.content });
    else save.mutate({ ...input, facts: text.facts, issues: text.issues, responsibility: text.responsibility, supplementOf: supplementOf ?? undefined });
  };
  const fieldError = (path: string) => errors.fields[path];
  const partyOptions = (withNone: boolean) => (
    <>
      {withNone && <option value="">{t('noObligee')}</option>}
      {parties.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );

  return (
    <>
      <button type="button" className={oral || supplementOf ? secondaryButtonClass : primaryButtonClass} onClick={() => open('edit')}>
        {label}
      </button>
      <Modal open={dialog === 'edit'} onClose={close} title={label} tall>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {oral ? (
            <Field id="oral-content" label={t('oralContent')} error={fieldError('content')}>
              <textarea id="oral-content" rows={4} className={inputClass} value={text.content} onChange={(e) => setText({ ...text, content: e.target.value })} />
            </Field>
          ) : (
            (['facts', 'issues', 'responsibility'] as const).map((key) => (
              <Field key={key} id={`agreement-${key}`} label={t(key)} error={fieldError(key)}>
                <textarea id={`agreement-${key}`} rows={3} className={inputClass} value={text[key]} onChange={(e) => setText({ ...text, [key]: e.target.value })} />
              </Field>
            ))
          )}
          <fieldset className="flex flex-col gap-3">
            <legend className="text-sm font-medium text-slate-800">{t('terms')}</legend>
            {applicants.length > 1 && respondent && (
              <div className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-3">
                <Field id="due-for-all" label={t('dueForAll')}>
                  <input id="due-for-all" type="date" className={inputClass} value={dueForAll} onChange={(e) => setDueForAll(e.target.value)} />
                </Field>
                <button type="button" className={secondaryButtonClass} onClick={termPerWorker}>
                  {t('termPerWorker', { n: applicants.length })}
                </button>
              </div>
            )}
            <ol className="flex flex-col gap-3">
              {terms.map((term, i) => (
                <li key={i} className="rounded-md border border-slate-200 p-3">
                  <div className="mb-2 flex items-center justify-between">
                    <span className="text-sm font-medium">{t('termNumber', { n: i + 1 })}</span>
                    <button type="button" className="text-sm text-red-700 underline" onClick={() => setTerms(terms.filter((_, j) => j !== i))}>
                      {t('removeTerm')}
                    </button>
                  </div>
                  <div className="grid gap-2 sm:grid-cols-2">
                    <Field id={`term-${i}-kind`} label={t('termKind')}>
                      <select id={`term-${i}-kind`} className={inputClass} value={term.kind} onChange={(e) => setTerm(i, { kind: e.target.value as TermKind })}>
                        <option value="payment">{t('kind.payment')}</option>
                        <option value="act">{t('kind.act')}</option>
                      </select>
                    </Field>
                    <Field id={`term-${i}-obligor`} label={t('obligor')} error={fieldError(`terms.${i}.obligorPartyId`)}>
                      <select id={`term-${i}-obligor`} className={inputClass} value={term.obligorPartyId} onChange={(e) => setTerm(i, { obligorPartyId: e.target.value })}>
                        {partyOptions(false)}
                      </select>
                    </Field>
                    <Field id={`term-${i}-obligee`} label={t('obligee')} error={fieldError(`terms.${i}.obligeePartyId`)}>
                      <select id={`term-${i}-obligee`} className={inputClass} value={term.obligeePartyId} onChange={(e) => setTerm(i, { obligeePartyId: e.target.value })}>
                        {partyOptions(true)}
                      </select>
                    </Field>
                    {term.kind === 'payment' && (
                      <Field id={`term-${i}-amount`} label={t('amount')} error={fieldError(`terms.${i}.amount`)}>
                        <input id={`term-${i}-amount`} inputMode="decimal" className={inputClass} value={term.amount} onChange={(e) => setTerm(i, { amount: e.target.value })} />
                      </Field>
                    )}
                    <Field id={`term-${i}-due`} label={t('dueOn')} error={fieldError(`terms.${i}.dueOn`)}>
                      <input id={`term-${i}-due`} type="date" className={inputClass} value={term.dueOn} onChange={(e) => setTerm(i, { dueOn: e.target.value })} />
                    </Field>
                    <div className="sm:col-span-2">
                      <Field id={`term-${i}-description`} label={t('description')} error={fieldError(`terms.${i}.description`)}>
                        <input id={`term-${i}-description`} className={inputClass} value={term.description} onChange={(e) => setTerm(i, { description: e.target.value })} />
                      </Field>
                    </div>
                  </div>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-brand-700">{t('moreTerms')}</summary>
                    <div className="mt-2 grid gap-2 sm:grid-cols-2">
                      {(['place', 'guarantor', 'onDefault'] as const).map((key) => (
                        <Field key={key} id={`term-${i}-${key}`} label={t(key)} error={fieldError(`terms.${i}.${key}`)}>
                          <input id={`term-${i}-${key}`} className={inputClass} value={term[key]} onChange={(e) => setTerm(i, { [key]: e.target.value })} />
                        </Field>
                      ))}
                    </div>
                  </details>
                </li>
              ))}
            </ol>
            <button type="button" className={`${secondaryButtonClass} w-fit`} onClick={() => setTerms([...terms, blankTerm(respondent || (parties[0]?.id ?? ''))])}>
              {t('addTerm')}
            </button>
            <ErrorMessage>{fieldError('terms')}</ErrorMessage>
          </fieldset>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={pending} className={`${primaryButtonClass} w-fit`}>
            {oral ? t('recordOral') : t('saveDraft')}
          </PendingButton>
        </form>
      </Modal>
    </>
  );
}
