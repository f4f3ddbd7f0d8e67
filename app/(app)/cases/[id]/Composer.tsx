'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Visibility } from '@/server/domain/case-status';
import { Field, inputClass, primaryButtonClass } from '../../../_components/Field';
import { EvidenceField, type UploadedFile } from '../../../_components/petition/EvidenceField';
import { SelectField } from '../../../_components/SelectField';
import { describeError, useTRPC } from '../../../_lib/trpc';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { PendingButton } from '../../../_components/PendingButton';

/** Writes on the case's one timeline; the visibility starts at the safest the writer has. */
export function Composer({
  caseId,
  visibilities,
  parties,
  panel,
}: {
  caseId: string;
  visibilities: Visibility[];
  parties: { id: string; name: string }[];
  panel: { userId: string; name: string }[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(visibilities[0]!);
  const [caucusPartyId, setCaucusPartyId] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const post = useMutation(
    trpc.case.post.mutationOptions({
      onSuccess: () => {
        setText('');
        setMentions([]);
        setFiles([]);
        // The new entry arrives on the timeline through its live feed, like everyone else's.
        setErrors({ fields: {} });
      },
      onError: (e) => setErrors(describeError(e)),
    }),
  );

  return (
    <form
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={t('timeline.composer')}
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate({ caseId, text, visibility, caucusPartyId: visibility === 'caucus' ? caucusPartyId : undefined, mentions, attachmentIds: files.map((f) => f.id) });
      }}
    >
      <Field id="entry-text" label={t('timeline.entryText')} error={errors.fields.text}>
        <textarea id="entry-text" rows={3} className={inputClass} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {visibilities.length > 1 && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="entry-visibility" label={t('timeline.visibility')} error={errors.fields.visibility}>
            <SelectField
              id="entry-visibility"
              value={visibility}
              onChange={(v) => setVisibility(v as Visibility)}
              options={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
              placeholder={t('timeline.visibility')}
            />
          </Field>
          {visibility === 'caucus' && (
            <Field id="entry-caucus" label={t('timeline.caucusWith')} error={errors.fields.caucusPartyId}>
              <SelectField
                id="entry-caucus"
                value={caucusPartyId}
                onChange={setCaucusPartyId}
                options={parties.map((p) => ({ value: p.id, label: p.name }))}
                placeholder={t('timeline.caucusWith')}
              />
            </Field>
          )}
        </div>
      )}
      {panel.length > 0 && visibilities.includes('internal') && (
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium">{t('timeline.mentions')}</legend>
          <div className="flex flex-wrap gap-3">
            {panel.map((m) => (
              <label key={m.userId} className="flex min-h-11 items-center gap-1">
                <input
                  className="h-5 w-5"
                  type="checkbox"
                  checked={mentions.includes(m.userId)}
                  onChange={(e) => setMentions(e.target.checked ? [...mentions, m.userId] : mentions.filter((id) => id !== m.userId))}
                />
                @{m.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {visibility !== 'caucus' && <EvidenceField files={files} onChange={setFiles} />}
      {errors.message && !Object.keys(errors.fields).length && (
        <ErrorMessage>{errors.message}</ErrorMessage>
      )}
      <PendingButton type="submit" pending={post.isPending} disabled={!text.trim()} className={`${primaryButtonClass} w-fit`}>
        {t('timeline.post')}
      </PendingButton>
    </form>
  );
}
