'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { describeError, useTRPC } from '../../_lib/trpc';
import { ErrorMessage } from '../ErrorMessage';
import { Spinner } from '../PendingButton';

export interface UploadedFile {
  id: string;
  fileName: string;
}

type FilesUpdate = (update: (files: UploadedFile[]) => UploadedFile[]) => void;

/**
 * Uploads each chosen file at once, so a slow connection never loses the whole form. The
 * form is told while uploads run, so it cannot be sent without a photo still on its way.
 */
export function EvidenceField({
  files,
  onChange,
  onUploadingChange,
}: {
  files: UploadedFile[];
  onChange: FilesUpdate;
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const t = useTranslations('evidence');
  const trpc = useTRPC();
  const [errors, setErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);
  const upload = useMutation(trpc.evidence.upload.mutationOptions());
  useEffect(() => onUploadingChange?.(uploading > 0), [uploading, onUploadingChange]);

  async function choose(list: FileList | null) {
    if (!list || list.length === 0) return;
    const chosen = Array.from(list);
    setUploading((n) => n + chosen.length);
    const problems: string[] = [];
    for (const file of chosen) {
      const form = new FormData();
      form.set('file', file);
      try {
        const stored = await upload.mutateAsync(form);
        // Added one by one, after whatever the person removed meanwhile.
        onChange((current) => [...current, { id: stored.id, fileName: stored.fileName }]);
      } catch (error) {
        problems.push(`${file.name}: ${describeError(error).fields.file ?? describeError(error).message}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
    setErrors(problems);
  }

  return (
    <div className="flex flex-col gap-2">
      <label className="inline-flex min-h-11 w-fit cursor-pointer items-center gap-2 rounded-md border border-dashed border-brand-600 px-4 py-3 text-brand-700 hover:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600">
        {uploading > 0 ? <Spinner /> : <span aria-hidden>＋</span>}
        {uploading > 0 ? t('uploadingCount', { n: uploading }) : t('add')}
        <input
          type="file"
          multiple
          className="sr-only"
          accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,audio/*"
          onChange={(e) => {
            void choose(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      <p className="text-xs text-slate-600">{t('hint')}</p>
      {errors.map((e) => (
        <ErrorMessage key={e}>{e}</ErrorMessage>
      ))}
      {files.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label={t('title')}>
          {files.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-2 rounded bg-slate-50 pl-3 text-sm">
              <span className="truncate">{f.fileName}</span>
              <button
                type="button"
                className="min-h-11 shrink-0 px-3 text-red-700 underline"
                onClick={() => onChange((current) => current.filter((x) => x.id !== f.id))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
