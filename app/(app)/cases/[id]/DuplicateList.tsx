'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '../../../_components/Field';
import { Modal, ModalClose } from '../../../_components/Modal';
import { describeError, useTRPC } from '../../../_lib/trpc';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { PendingButton } from '../../../_components/PendingButton';

interface Candidate {
  id: string;
  caseNumber: string;
  title: string;
  status: string;
  score: number;
  reasons: string[];
  /** Its matter was re-reviewed: the same person with the same facts is not accepted again. */
  reReviewed: boolean;
}

/** Likely duplicates of a new petition, each with why, and the clerk's merge or link. */
export function DuplicateList({ caseId, version, candidates }: { caseId: string; version: number; candidates: Candidate[] }) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const [mergeTarget, setMergeTarget] = useState<Candidate | null>(null);
  const [finalTarget, setFinalTarget] = useState<Candidate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(describeError(e).message);
  const merge = useMutation(
    trpc.intake.merge.mutationOptions({
      onSuccess: (result) => {
        setMergeTarget(null);
        router.push(`/cases/${result.id}`);
        router.refresh();
      },
      onError,
    }),
  );
  const link = useMutation(trpc.intake.link.mutationOptions({ onSuccess: () => router.refresh(), onError }));
  const refuse = useMutation(
    trpc.intake.refuseAfterReReview.mutationOptions({
      onSuccess: () => {
        setFinalTarget(null);
        router.refresh();
      },
      onError,
    }),
  );

  return (
    <section className="rounded-xl border border-amber-200 bg-amber-50 p-4" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title" className="mb-2 font-medium">
        {t('duplicates.title')}
      </h2>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-600">{t('duplicates.none')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {candidates.map((c) => (
            <li key={c.id} className="rounded-md border border-amber-200 bg-white p-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/cases/${c.id}`} className="font-mono text-xs text-brand-700 underline">
                  {c.caseNumber}
                </Link>
                <span className="text-xs text-slate-600">{t('petition.score', { score: `${Math.round(c.score * 100)}%` })}</span>
              </div>
              <p className="font-medium">{c.title}</p>
              <p className="text-xs text-slate-600">
                {t(`status.${c.status}`)} · {c.reasons.map((r) => t(`duplicates.${r}`)).join('、')}
              </p>
              <div className="mt-2 flex gap-2">
                <button type="button" className={`${secondaryButtonClass} min-h-11 px-3 py-1.5 text-sm`} onClick={() => setMergeTarget(c)}>
                  {t('duplicates.merge')}
                </button>
                <PendingButton
                  pending={link.isPending && link.variables?.otherCaseId === c.id}
                  disabled={link.isPending}
                  className={`${secondaryButtonClass} min-h-11 px-3 py-1.5 text-sm`}
                  onClick={() => link.mutate({ caseId, otherCaseId: c.id })}
                >
                  {t('duplicates.link')}
                </PendingButton>
                {c.reReviewed && (
                  <button type="button" className={`${secondaryButtonClass} min-h-11 px-3 py-1.5 text-sm`} onClick={() => setFinalTarget(c)}>
                    {t('duplicates.notAgain')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage className="mt-2">{error}</ErrorMessage>
      <Modal
        open={!!mergeTarget}
        onClose={() => setMergeTarget(null)}
        title={t('duplicates.confirmMergeTitle', { caseNumber: mergeTarget?.caseNumber ?? '' })}
        description={t('duplicates.confirmMergeBody')}
      >
        <div className="mt-6 flex justify-end gap-2">
          <ModalClose className={secondaryButtonClass}>{t('admin.cancel')}</ModalClose>
          <PendingButton
            pending={merge.isPending}
            className={primaryButtonClass}
            onClick={() => mergeTarget && merge.mutate({ caseId, intoCaseId: mergeTarget.id, expectedVersion: version })}
          >
            {t('duplicates.merge')}
          </PendingButton>
        </div>
      </Modal>
      <Modal
        open={!!finalTarget}
        onClose={() => setFinalTarget(null)}
        title={t('duplicates.confirmNotAgainTitle', { caseNumber: finalTarget?.caseNumber ?? '' })}
        description={t('duplicates.confirmNotAgainBody')}
      >
        <div className="mt-6 flex justify-end gap-2">
          <ModalClose className={secondaryButtonClass}>{t('admin.cancel')}</ModalClose>
          <PendingButton
            pending={refuse.isPending}
            className={primaryButtonClass}
            onClick={() => finalTarget && refuse.mutate({ caseId, earlierCaseId: finalTarget.id, expectedVersion: version })}
          >
            {t('duplicates.notAgain')}
          </PendingButton>
        </div>
      </Modal>
    </section>
  );
}
