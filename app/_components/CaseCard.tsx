import Link from 'next/link';
import type { ReactNode } from 'react';
import type { CaseStatus } from '@/server/domain/case-status';
import { StatusBadge } from './StatusBadge';

/** One case in a list: number and status, title, a line of facts; the whole card opens it. */
export function CaseCard({ id, caseNumber, status, title, facts }: { id: string; caseNumber: string; status: CaseStatus; title: string; facts: ReactNode }) {
  return (
    <Link href={`/cases/${id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
      <span className="flex items-center justify-between gap-2">
        <span className="font-mono text-xs text-slate-600">{caseNumber}</span>
        <StatusBadge status={status} />
      </span>
      <span className="mt-1 block text-base font-medium">{title}</span>
      <span className="mt-1 block text-xs text-slate-600">{facts}</span>
    </Link>
  );
}
