'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { TimelineEntry } from '@/server/services/timeline';
import { secondaryButtonClass } from '../../../_components/Field';
import { useTRPC, useTRPCClient } from '../../../_lib/trpc';

const badge: Record<string, string> = {
  parties: 'bg-emerald-50 text-emerald-800',
  panel: 'bg-sky-50 text-sky-800',
  internal: 'bg-slate-100 text-slate-700',
  caucus: 'bg-violet-50 text-violet-800',
};

/**
 * The case's one timeline, newest first: the first page comes with the page, older pages on
 * request, and new entries live (only those the viewer may read, rendered for them). An entry
 * that changes more than the timeline (a decision, the panel, a clock) refreshes the case page.
 */
export function Timeline({
  caseId,
  initial,
  hasMore: initialHasMore,
  renderedAt,
  showVisibility,
}: {
  caseId: string;
  initial: TimelineEntry[];
  hasMore: boolean;
  renderedAt: string;
  showVisibility: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState(initial);
  const [hasMore, setHasMore] = useState(initialHasMore);
  const [loading, setLoading] = useState(false);
  const [after] = useState(() => new Date(renderedAt));
  // Bumped when an entry changes more than the timeline; a burst of them refreshes the page once.
  const [staleCase, setStaleCase] = useState(0);
  useEffect(() => {
    if (!staleCase) return;
    const timer = setTimeout(() => router.refresh(), 300);
    return () => clearTimeout(timer);
  }, [staleCase, router]);

  useSubscription(
    trpc.case.live.subscriptionOptions(
      { caseId, after },
      {
        onData: (fresh) => {
          setEntries((current) => {
            const known = new Set(current.map((e) => e.id));
            return [...[...fresh].reverse().filter((e) => !known.has(e.id)), ...current];
          });
          if (fresh.some((e) => e.refreshesCase)) setStaleCase((n) => n + 1);
          // The checklist keeps its own data: someone else's change to it reaches it here.
          if (fresh.some((e) => e.kind.startsWith('checklist_'))) void queryClient.invalidateQueries({ queryKey: trpc.case.checklist.queryKey({ caseId }) });
        },
      },
    ),
  );

  const loadOlder = async () => {
    setLoading(true);
    try {
      const page = await client.case.timeline.query({ caseId, beforeId: entries[entries.length - 1]!.id });
      setEntries((current) => [...current, ...page.entries.filter((e) => !current.some((c) => c.id === e.id))]);
      setHasMore(page.hasMore);
    } finally {
      setLoading(false);
    }
  };

  if (entries.length === 0) return <p className="text-sm text-slate-500">{t('timeline.empty')}</p>;
  return (
    <>
      <ol className="flex flex-col gap-3 border-l-2 border-brand-100 pl-4" aria-live="polite">
        {entries.map((entry) => (
          <li key={entry.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <time className="text-xs text-slate-500" dateTime={entry.createdAt}>
                {format.dateTime(new Date(entry.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
              {showVisibility && (
                <span className={`rounded px-1.5 text-xs ${badge[entry.visibility]}`}>
                  {entry.visibility === 'caucus' && entry.caucusPartyName
                    ? t('visibility.caucusWith', { name: entry.caucusPartyName })
                    : t(`visibility.${entry.visibility}`)}
                </span>
              )}
            </div>
            <p className="font-medium">{entry.title}</p>
            {entry.details.map((d, i) => (
              <p key={i} className="whitespace-pre-wrap text-slate-700">
                {d}
              </p>
            ))}
            {entry.files.map((f) => (
              <a key={f.id} href={`/api/evidence/${f.id}`} className="mr-3 text-brand-700 underline">
                {f.name}
              </a>
            ))}
          </li>
        ))}
      </ol>
      {hasMore && (
        <button type="button" className={`${secondaryButtonClass} mt-3 text-sm`} disabled={loading} onClick={loadOlder}>
          {loading ? t('common.loading') : t('timeline.olderEntries')}
        </button>
      )}
    </>
  );
}
