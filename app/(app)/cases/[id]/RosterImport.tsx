'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { primaryButtonClass, secondaryButtonClass } from '../../../_components/Field';
import { Modal } from '../../../_components/Modal';
import { PendingButton } from '../../../_components/PendingButton';
import { RosterPasteDialog } from '../../../_components/petition/RosterPasteDialog';
import type { ApplicantValues } from '../../../_components/petition/values';
import { describeError, useTRPC } from '../../../_lib/trpc';

type Preview = { line: number; values: Omit<ApplicantValues, 'isRepresentative'>; errors: Record<string, string> }[];

/**
 * The workers of a group case, added at the window: pasted (checked line by line in the
 * browser, as in the petition form) or uploaded as an Excel or CSV file (checked on the
 * server). Afterwards the sum of the claims is compared with the amount in dispute.
 */
export function RosterImport({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [pasting, setPasting] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ added: number; total: number; claims: string; amountInDispute: string | null } | null>(null);
  const add = useMutation(
    trpc.resolution.addApplicants.mutationOptions({
      onSuccess: (r) => {
        setResult(r);
        setPreview(null);
        router.refresh();
      },
      onError: (e) => setError(describeError(e).message),
    }),
  );
  const upload = useMutation(
    trpc.resolution.previewRoster.mutationOptions({
      onSuccess: (rows) => {
        setError(null);
        setPreview(rows);
      },
      onError: (e) => setError(describeError(e).message),
    }),
  );
  const send = (applicants: ApplicantValues[]) => {
    setError(null);
    add.mutate({ caseId, expectedVersion: version, applicants: applicants.map((a) => ({ ...a, isRepresentative: false })) });
  };
  const valid = preview?.filter((r) => Object.keys(r.errors).length === 0) ?? [];
  const mismatch = result?.amountInDispute && Number(result.amountInDispute) !== Number(result.claims);

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="roster-import-title">
      <h2 id="roster-import-title" className="mb-3 font-medium">
        {t('importTitle')}
      </h2>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => setPasting(true)}>
          {t('paste')}
        </button>
        <label className={`${secondaryButtonClass} cursor-pointer`}>
          {t('upload')}
          <input
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const form = new FormData();
              form.set('caseId', caseId);
              form.set('file', file);
              upload.mutate(form);
            }}
          />
        </label>
      </div>
      {(upload.isPending || add.isPending) && <p className="mt-2 text-sm text-slate-600">{t('working')}</p>}
      <ErrorMessage boxed className="mt-3">
        {error}
      </ErrorMessage>
      {result && (
        <p role="status" className={`mt-3 rounded-md px-3 py-2 text-sm ${mismatch ? 'bg-amber-50 text-amber-900' : 'bg-emerald-50 text-emerald-900'}`}>
          {t('added', { added: result.added, total: result.total, claims: format.number(Number(result.claims)) })}
          {mismatch && ` ${t('claimsMismatch', { amount: format.number(Number(result.amountInDispute)) })}`}
        </p>
      )}
      <RosterPasteDialog
        open={pasting}
        onClose={() => setPasting(false)}
        listedIdNumbers={[]}
        onAdd={(applicants) => {
          setPasting(false);
          send(applicants);
        }}
      />
      <Modal open={preview !== null} onClose={() => setPreview(null)} title={t('filePreview')} tall>
        <p className="mt-3 text-sm" aria-live="polite">
          {t('preview', { total: preview?.length ?? 0, valid: valid.length })}
        </p>
        <ol className="mt-2 flex flex-col gap-1 text-sm">
          {[...(preview ?? [])]
            .sort((a, b) => Object.keys(b.errors).length - Object.keys(a.errors).length)
            .map((row) => {
              const problems = Object.values(row.errors);
              return (
                <li key={row.line} className={`rounded-md border px-3 py-2 ${problems.length ? 'border-red-300 bg-red-50' : 'border-slate-200'}`}>
                  <span className="mr-2 font-mono text-xs text-slate-600">{t('line', { line: row.line })}</span>
                  <span className="font-medium">{row.values.name || '—'}</span>
                  {row.values.claimedAmount && <span className="ml-2 text-slate-600">¥{row.values.claimedAmount}</span>}
                  {problems.length > 0 && <span className="ml-2 text-red-800">{problems.join('；')}</span>}
                </li>
              );
            })}
        </ol>
        <ErrorMessage boxed className="mt-3">
          {error}
        </ErrorMessage>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setPreview(null)}>
            {t('cancel')}
          </button>
          <PendingButton
            className={primaryButtonClass}
            pending={add.isPending}
            disabled={valid.length === 0}
            onClick={() => send(valid.map((r) => ({ ...r.values, isRepresentative: false })))}
          >
            {t('add', { n: valid.length })}
          </PendingButton>
        </div>
      </Modal>
    </section>
  );
}
