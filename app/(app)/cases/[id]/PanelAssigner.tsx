'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { primaryButtonClass } from '../../../_components/Field';
import { describeError, useTRPC } from '../../../_lib/trpc';
import { ErrorMessage } from '../../../_components/ErrorMessage';
import { PendingButton } from '../../../_components/PendingButton';

/**
 * The director's (or clerk's) panel picker: the routing rules' suggestions, lightest load
 * first, pre-selected; one lead.
 */
export function PanelAssigner({
  caseId,
  version,
  category,
  current,
}: {
  caseId: string;
  version: number;
  category: string;
  current: { userId: string; isLead: boolean }[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const suggestions = useQuery(trpc.panel.suggestions.queryOptions({ caseId }));
  const [picked, setPicked] = useState<Map<string, boolean> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assign = useMutation(
    trpc.panel.assign.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e) => setError(describeError(e).fields.members ?? describeError(e).message),
    }),
  );

  // Until the person changes something: the current panel, or each rule's first candidate.
  const initial = () => {
    if (current.length) return new Map(current.map((m) => [m.userId, m.isLead]));
    const map = new Map<string, boolean>();
    for (const s of suggestions.data ?? []) {
      const first = s.candidates[0];
      if (first && !s.rule.condition) map.set(first.userId, s.rule.isLead && ![...map.values()].includes(true));
    }
    return map;
  };
  const selection = picked ?? initial();
  const toggle = (userId: string) => {
    const next = new Map(selection);
    if (next.has(userId)) next.delete(userId);
    else next.set(userId, false);
    setPicked(next);
  };
  const makeLead = (userId: string) => setPicked(new Map([...selection].map(([id]) => [id, id === userId] as const)).set(userId, true));
  const categoryLabel = t.has(`category.${category}`) ? t(`category.${category}`) : category;

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="assign-title">
      <h2 id="assign-title" className="font-medium">
        {current.length ? t('panel.change') : t('panel.assign')}
      </h2>
      <p className="mb-3 text-xs text-slate-500">{t('panel.suggested', { category: categoryLabel })}</p>
      {(suggestions.data ?? []).map((s) => (
        <fieldset key={`${s.rule.role}-${s.rule.isLead}`} className="mb-3">
          <legend className="text-sm font-medium">
            {t(`roles.${s.rule.role}`)}
            {s.rule.isLead && <span className="ml-1 text-xs text-brand-700">（{t('panel.lead')}）</span>}
            {s.rule.condition === 'judicial_confirmation' && <span className="ml-1 text-xs text-slate-500">{t('panel.conditionJudicialConfirmation')}</span>}
          </legend>
          <ul className="mt-1 flex flex-col gap-1">
            {s.candidates.map((c) => (
              <li key={c.userId} className="flex items-center justify-between gap-2 text-sm">
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="h-5 w-5" checked={selection.has(c.userId)} onChange={() => toggle(c.userId)} />
                  <span className="whitespace-nowrap">{c.name}</span>
                  <span className="text-xs text-slate-500">
                    {c.organizationName} · {t('panel.load', { n: c.load })}
                  </span>
                </label>
                {selection.has(c.userId) && (
                  <label className="flex min-h-11 shrink-0 items-center gap-1 whitespace-nowrap text-xs">
                    <input className="h-5 w-5" type="radio" name="lead" checked={selection.get(c.userId) === true} onChange={() => makeLead(c.userId)} />
                    {t('panel.lead')}
                  </label>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <ErrorMessage className="mb-2">{error}</ErrorMessage>
      <PendingButton
        pending={assign.isPending}
        className={primaryButtonClass}
        onClick={() =>
          assign.mutate({ caseId, expectedVersion: version, members: [...selection].map(([userId, isLead]) => ({ userId, isLead })) })
        }
      >
        {t('panel.save')}
      </PendingButton>
    </section>
  );
}
