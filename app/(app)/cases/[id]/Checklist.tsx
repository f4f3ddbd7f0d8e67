'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError, useTRPC } from '../../../_lib/trpc';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { PendingButton, Spinner } from '../../../_components/PendingButton';

// Phone-sized: every control of an item is at least 44 px tall.
const controlClass = 'min-h-11 rounded border border-slate-300 bg-white px-2';

/** A party answers a missing item with a file from their phone: uploaded to the case, then given to the item. */
function AnswerItem({ caseId, itemId, onAnswered, onError }: { caseId: string; itemId: string; onAnswered: () => void; onError: (message: string) => void }) {
  const t = useTranslations('checklist');
  const trpc = useTRPC();
  const upload = useMutation(trpc.evidence.upload.mutationOptions());
  const answer = useMutation(trpc.case.answerChecklistItem.mutationOptions());
  const pending = upload.isPending || answer.isPending;
  async function choose(file: File | undefined) {
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    form.set('caseId', caseId);
    try {
      const stored = await upload.mutateAsync(form);
      await answer.mutateAsync({ caseId, itemId, evidenceId: stored.id });
      onAnswered();
    } catch (error) {
      const { message, fields } = describeError(error);
      onError(fields.file ?? message);
    }
  }
  return (
    <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-dashed border-brand-600 px-3 text-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600">
      {pending && <Spinner />}
      {pending ? t('answering') : t('answer')}
      <input type="file" className="sr-only" disabled={pending} onChange={(e) => void choose(e.target.files?.[0])} />
    </label>
  );
}

/** What evidence the case still needs, who will get it and by when; readiness for a session. Parties answer with a file. */
export function Checklist({
  caseId,
  canEdit,
  canAnswer = false,
  panel,
}: {
  caseId: string;
  canEdit: boolean;
  canAnswer?: boolean;
  panel: { userId: string; name: string }[];
}) {
  const t = useTranslations('checklist');
  const trpc = useTRPC();
  const router = useRouter();
  const checklist = useQuery(trpc.case.checklist.queryOptions({ caseId }));
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.case.updateChecklistItem.mutationOptions({
      onSuccess: () => {
        setError(null);
        void checklist.refetch();
      },
      onError: (e) => setError(describeError(e).message),
    }),
  );
  const data = checklist.data;
  const busy = (itemId: string) => update.isPending && update.variables?.itemId === itemId;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="checklist-title">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="checklist-title" className="font-medium">
          {t('title')}
        </h2>
        {data && data.total > 0 && (
          <span className={`text-sm ${data.ready ? 'text-emerald-700' : 'text-amber-700'}`}>
            {data.ready ? t('ready') : t('readiness', { provided: data.provided, total: data.total })}
          </span>
        )}
      </div>
      {data && data.total === 0 && <p className="text-sm text-slate-500">{t('none')}</p>}
      <ul className="flex flex-col gap-2 text-sm">
        {data?.items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className={`rounded px-1.5 text-xs ${item.status === 'provided' ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}>
              {item.status === 'provided' ? t('provided') : t('missing')}
            </span>
            <span>{item.label}</span>
            {item.assigneeName && (
              <span className="text-xs text-slate-500">
                {t('assignee')}: {item.assigneeName}
                {item.dueOn && ` · ${t('dueOn')} ${item.dueOn}`}
              </span>
            )}
            {canAnswer && item.status === 'missing' && (
              <AnswerItem
                caseId={caseId}
                itemId={item.id}
                onAnswered={() => {
                  setError(null);
                  void checklist.refetch();
                  // The next-step card above is drawn on the server from the checklist: the one
                  // who answered sees it change now, not when the live update comes round.
                  router.refresh();
                }}
                onError={setError}
              />
            )}
            {canEdit && item.status === 'missing' && (
              <>
                <PendingButton
                  pending={busy(item.id) && update.variables?.status === 'provided'}
                  disabled={busy(item.id)}
                  className="inline-flex min-h-11 items-center px-1 text-sm text-brand-700 underline"
                  onClick={() => update.mutate({ caseId, itemId: item.id, status: 'provided' })}
                >
                  {t('markProvided')}
                </PendingButton>
                <form
                  className="flex flex-wrap items-center gap-2 text-sm"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const form = new FormData(e.currentTarget);
                    update.mutate({ caseId, itemId: item.id, assigneeId: String(form.get('assignee')), dueOn: String(form.get('dueOn')) || null });
                  }}
                >
                  <select name="assignee" aria-label={t('assignee')} className={controlClass} defaultValue={item.assigneeId ?? panel[0]?.userId}>
                    {panel.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                  <input name="dueOn" type="date" aria-label={t('dueOn')} className={controlClass} defaultValue={item.dueOn ?? ''} />
                  <PendingButton
                    type="submit"
                    pending={busy(item.id) && update.variables?.status === undefined}
                    disabled={busy(item.id)}
                    className="inline-flex min-h-11 items-center px-1 text-brand-700 underline"
                  >
                    {t('assign')}
                  </PendingButton>
                </form>
              </>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage className="mt-2">{error}</ErrorMessage>
    </section>
  );
}
