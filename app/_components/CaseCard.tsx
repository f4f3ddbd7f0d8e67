import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { CaseStatus } from '@/server/domain/case-status';
import type { ClockKind } from '@/server/domain/tracks';
import { ClockBadge } from './ClockBadge';
import { StatusBadge } from './StatusBadge';

interface CardClock {
  kind: ClockKind;
  paused: boolean;
  daysLeft: number | null;
  urgency: 'ok' | 'soon' | 'overdue' | null;
}

/** One case in a list: number and status, title, its running clock, a line of facts; the whole card opens it. */
export async function CaseCard({
  id,
  caseNumber,
  status,
  title,
  facts,
  clock,
  badge,
}: {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  title: string;
  facts: ReactNode;
  clock?: CardClock | null;
  badge?: ReactNode;
}) {
  const t = await getTranslations('case.clock');
  return (
    <Link href={`/cases/${id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
      <span className="flex items-center justify-between gap-2">
        <span className="font-mono text-xs text-slate-600">{caseNumber}</span>
        <span className="flex items-center gap-2">
          {badge}
          <StatusBadge status={status} />
        </span>
      </span>
      <span className="mt-1 block text-base font-medium">{title}</span>
      {clock && (
        <span className="mt-1 flex items-center gap-2 text-xs text-slate-600">
          {t(clock.kind)} <ClockBadge clock={clock} />
        </span>
      )}
      <span className="mt-1 block text-xs text-slate-600">{facts}</span>
    </Link>
  );
}
