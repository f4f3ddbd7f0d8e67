'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { describeError, useTRPC } from '../../_lib/trpc';
import { ErrorMessage } from '../ErrorMessage';

export interface UploadedFile {
  id: string;
  fileName: string;
}

/** Uploads each chosen file at once, so a slow connection never loses the whole form. */
export function EvidenceField({ files, onChange }: { files: UploadedFile[]; onChange: (files: UploadedFile[]) => void }) {
  const t = useTranslations('evidence');
  const trpc = useTRPC();
  const [errors, setErrors] = useState<string[]>([]);
  const upload = useMutation(trpc.evidence.upload.mutationOptions());

  async function choose(list: FileList | null) {
    if (!list) return;
    const added: UploadedFile[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      const form = new FormData();
      form.set('file', file);
      try {
        const stored = await upload.mutateAsync(form);
        added.push({ id: stored.id, fileName: stored.fileName });
      } catch (error) {
        problems.push(`${file.name}: ${describeError(error).fields.file ?? describeError(error).message}`);
      }
    }
    setErrors(problems);
    onChange([...files, ...added]);
  }

  return (
    <div className="flex flex-col gap-2">
      <label className="inline-flex w-fit cursor-pointer items-center gap-2 rounded-md border border-dashed border-brand-600 px-4 py-3 text-brand-700 hover:bg-brand-50">
        <span aria-hidden>＋</span>
        {upload.isPending ? t('uploading') : t('add')}
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
      <p className="text-xs text-slate-500">{t('hint')}</p>
      {errors.map((e) => (
        <ErrorMessage key={e}>{e}</ErrorMessage>
      ))}
      {files.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label={t('title')}>
          {files.map((f) => (
            <li key={f.id} className="flex items-center justify-between rounded bg-slate-50 px-3 py-2 text-sm">
              <span className="truncate">{f.fileName}</span>
              <button type="button" className="text-red-700 underline" onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
