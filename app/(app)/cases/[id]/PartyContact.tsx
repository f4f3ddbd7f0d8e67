'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '../../../_lib/trpc';

/**
 * A party's ID number and phone, masked; those who work the case may reveal them, one party
 * at a time (each reveal is audited on the server).
 */
export function PartyContact({
  caseId,
  partyId,
  idNumber,
  phone,
  canReveal,
}: {
  caseId: string;
  partyId: string;
  idNumber: string | null;
  phone: string | null;
  canReveal: boolean;
}) {
  const t = useTranslations('case');
  const trpc = useTRPC();
  const reveal = useMutation(trpc.case.revealContact.mutationOptions());
  const shown = reveal.data ?? { idNumber, phone };
  if (!idNumber && !phone) return null;
  return (
    <>
      {shown.idNumber && <span className="font-mono text-slate-600">{shown.idNumber}</span>}
      {shown.phone && <span className="font-mono text-slate-600">{shown.phone}</span>}
      {canReveal && !reveal.data && (
        <button
          type="button"
          className="min-h-6 text-brand-700 underline"
          disabled={reveal.isPending}
          onClick={() => reveal.mutate({ caseId, partyId })}
          aria-label={t('revealFor', { what: [idNumber, phone].filter(Boolean).join(' ') })}
        >
          {t('reveal')}
        </button>
      )}
    </>
  );
}
