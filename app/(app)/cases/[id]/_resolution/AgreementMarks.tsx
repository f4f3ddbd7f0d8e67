'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';
import type { AgreementView } from './types';

type WindowMethod = 'signature' | 'seal' | 'fingerprint';

/**
 * The marks a draft still needs, in order: each party's (made at the window and recorded
 * here, or confirmed by the party on their own phone with an SMS code), then the mediator's
 * signature and the committee's seal. The last one makes the agreement effective.
 */
export function AgreementMarks({ caseId, version, agreement, actions, ownPartyIds }: { caseId: string; version: number; agreement: AgreementView; actions: string[]; ownPartyIds: string[] }) {
  const t = useTranslations('agreement');
  const trpc = useTRPC();
  const { errors, options, formError } = useCaseDialog<never>();
  const [methods, setMethods] = useState<Record<string, WindowMethod>>({});
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // Marks are recorded one after another at the window: each answer carries the case's new
  // version, so the next click does not wait for the page to reload.
  const [known, setKnown] = useState(version);
  const current = Math.max(known, version);
  const mark = useMutation(
    trpc.resolution.recordMark.mutationOptions({
      ...options,
      onSuccess: (result) => {
        setKnown(result.version);
        options.onSuccess();
      },
    }),
  );
  const requestCode = useMutation(
    trpc.resolution.requestCode.mutationOptions({
      onSuccess: (result) => setNotice(result.demoCode ? t('demoCode', { code: result.demoCode }) : t('codeSent')),
      onError: options.onError,
    }),
  );
  const confirm = useMutation(trpc.resolution.confirmByPhone.mutationOptions(options));
  const partiesMissing = agreement.missing.filter((m) => m.kind === 'party');
  const base = { caseId, agreementId: agreement.id, expectedVersion: current };
  const mine = partiesMissing.find((m) => m.partyId && ownPartyIds.includes(m.partyId));

  if (actions.includes('confirm_agreement')) {
    if (!mine) return <p className="text-sm text-slate-600">{t('youHaveConfirmed')}</p>;
    return (
      <div className="flex flex-col gap-3 rounded-md bg-brand-50 p-3">
        <p className="text-sm">{t('confirmHint')}</p>
        <PendingButton className={`${secondaryButtonClass} w-fit`} pending={requestCode.isPending} onClick={() => requestCode.mutate({ caseId, agreementId: agreement.id })}>
          {t('sendCode')}
        </PendingButton>
        {notice && <p className="text-sm text-slate-700" role="status">{notice}</p>}
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate({ ...base, code });
          }}
        >
          <Field id="agreement-code" label={t('code')} error={errors.fields.code}>
            <input id="agreement-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className={`${inputClass} w-40`} value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <PendingButton type="submit" pending={confirm.isPending} className={primaryButtonClass}>
            {t('confirm')}
          </PendingButton>
        </form>
        <ErrorMessage boxed>{formError}</ErrorMessage>
      </div>
    );
  }

  const canWindow = actions.includes('record_mark');
  const canSign = actions.includes('sign_as_mediator') && partiesMissing.length === 0;
  const canSeal = actions.includes('affix_seal') && partiesMissing.length === 0 && !agreement.missing.some((m) => m.kind === 'mediator');
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-medium">{t('missingMarks')}</h4>
      <ul className="flex flex-col gap-2 text-sm">
        {agreement.missing.map((m) => (
          <li key={`${m.kind}-${m.partyId ?? ''}`} className="flex flex-wrap items-center gap-2">
            <span className="min-w-24 font-medium">{m.kind === 'party' ? m.partyName : t(`markKind.${m.kind}`)}</span>
            {m.kind === 'party' && canWindow && (
              <>
                <label className="sr-only" htmlFor={`method-${m.partyId}`}>
                  {t('methodFor', { name: m.partyName ?? '' })}
                </label>
                <select
                  id={`method-${m.partyId}`}
                  className="rounded-md border border-slate-300 px-2 py-1.5"
                  value={methods[m.partyId!] ?? 'signature'}
                  onChange={(e) => setMethods({ ...methods, [m.partyId!]: e.target.value as WindowMethod })}
                >
                  {(['signature', 'seal', 'fingerprint'] as const).map((method) => (
                    <option key={method} value={method}>
                      {t(`method.${method}`)}
                    </option>
                  ))}
                </select>
                <PendingButton
                  className="rounded-md border border-slate-300 px-3 py-1.5"
                  pending={mark.isPending && mark.variables?.mark === 'party' && mark.variables.partyId === m.partyId}
                  disabled={mark.isPending}
                  onClick={() => mark.mutate({ ...base, mark: 'party', partyId: m.partyId!, method: methods[m.partyId!] ?? 'signature' })}
                >
                  {t('recordMarkFor', { name: m.partyName ?? '' })}
                </PendingButton>
              </>
            )}
            {m.kind === 'mediator' && canSign && (
              <PendingButton className="rounded-md border border-slate-300 px-3 py-1.5" pending={mark.isPending} onClick={() => mark.mutate({ ...base, mark: 'mediator' })}>
                {t('signAsMediator')}
              </PendingButton>
            )}
            {m.kind === 'committee_seal' && canSeal && (
              <PendingButton className="rounded-md border border-slate-300 px-3 py-1.5" pending={mark.isPending} onClick={() => mark.mutate({ ...base, mark: 'committee_seal' })}>
                {t('affixSeal')}
              </PendingButton>
            )}
            {m.kind === 'party' && !canWindow && <span className="text-slate-500">{t('awaiting')}</span>}
          </li>
        ))}
      </ul>
      <ErrorMessage boxed>{formError}</ErrorMessage>
    </div>
  );
}
