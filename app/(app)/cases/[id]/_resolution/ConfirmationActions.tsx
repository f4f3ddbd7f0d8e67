'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { excludedSubjects, type ExcludedSubject } from '@/server/domain/agreements';
import { ErrorMessage } from '../../../../_components/ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { Modal } from '../../../../_components/Modal';
import { PendingButton } from '../../../../_components/PendingButton';
import { useCaseDialog } from '../../../../_lib/use-case-dialog';
import { useTRPC } from '../../../../_lib/trpc';

/**
 * The application for judicial confirmation (with the pre-check of subjects a court will not
 * confirm), and the court's milestones as the judge on the panel records them.
 */
export function ConfirmationActions({
  caseId,
  version,
  agreementId,
  court,
  canApply,
  courtStep,
}: {
  caseId: string;
  version: number;
  agreementId: string | null;
  court: string;
  canApply: boolean;
  /** What the judge can record next, if anything. */
  courtStep: 'accepted' | 'decided' | null;
}) {
  const t = useTranslations('confirmation');
  const trpc = useTRPC();
  const { dialog, open, close, errors, options, formError } = useCaseDialog<'apply' | 'reject'>();
  const [form, setForm] = useState({ court, venueReason: t('defaultVenue'), reason: '' });
  const [concerns, setConcerns] = useState<ExcludedSubject[]>([]);
  const apply = useMutation(trpc.resolution.applyForConfirmation.mutationOptions(options));
  const decide = useMutation(trpc.resolution.recordCourtDecision.mutationOptions(options));
  const step = (s: 'accepted' | 'confirmed' | 'rejected') => decide.mutate({ caseId, step: s, reason: s === 'rejected' ? form.reason : undefined, expectedVersion: version });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {canApply && agreementId && (
          <button type="button" className={primaryButtonClass} onClick={() => open('apply')}>
            {t('apply')}
          </button>
        )}
        {courtStep === 'accepted' && (
          <PendingButton className={secondaryButtonClass} pending={decide.isPending} onClick={() => step('accepted')}>
            {t('recordAccepted')}
          </PendingButton>
        )}
        {courtStep === 'decided' && (
          <>
            <PendingButton className={primaryButtonClass} pending={decide.isPending && decide.variables?.step === 'confirmed'} onClick={() => step('confirmed')}>
              {t('recordConfirmed')}
            </PendingButton>
            <button type="button" className={secondaryButtonClass} onClick={() => open('reject')}>
              {t('recordRejected')}
            </button>
          </>
        )}
      </div>
      {!dialog && <ErrorMessage boxed>{formError}</ErrorMessage>}
      <Modal open={dialog === 'apply'} onClose={close} title={t('apply')} description={t('applyHint')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            apply.mutate({ caseId, agreementId: agreementId!, court: form.court, venueReason: form.venueReason, concerns, expectedVersion: version });
          }}
        >
          <Field id="confirmation-court" label={t('court')} error={errors.fields.court}>
            <input id="confirmation-court" className={inputClass} value={form.court} onChange={(e) => setForm({ ...form, court: e.target.value })} />
          </Field>
          <Field id="confirmation-venue" label={t('venueReason')} error={errors.fields.venueReason} hint={t('venueHint')}>
            <input id="confirmation-venue" className={inputClass} value={form.venueReason} onChange={(e) => setForm({ ...form, venueReason: e.target.value })} />
          </Field>
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="mb-1 font-medium">{t('precheck')}</legend>
            {excludedSubjects.map((subject) => (
              <label key={subject} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  className="mt-1 h-4 w-4"
                  checked={concerns.includes(subject)}
                  onChange={(e) => setConcerns(e.target.checked ? [...concerns, subject] : concerns.filter((c) => c !== subject))}
                />
                {t(`subject.${subject}`)}
              </label>
            ))}
            <ErrorMessage>{errors.fields.concerns}</ErrorMessage>
          </fieldset>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={apply.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('submitApplication')}
          </PendingButton>
        </form>
      </Modal>
      <Modal open={dialog === 'reject'} onClose={close} title={t('recordRejected')}>
        <form
          className="mt-4 flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            step('rejected');
          }}
        >
          <Field id="rejection-reason" label={t('rejectionReason')} error={errors.fields.reason}>
            <textarea id="rejection-reason" rows={3} className={inputClass} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </Field>
          <ErrorMessage boxed>{formError}</ErrorMessage>
          <PendingButton type="submit" pending={decide.isPending} className={`${primaryButtonClass} w-fit`}>
            {t('recordRejected')}
          </PendingButton>
        </form>
      </Modal>
    </div>
  );
}
