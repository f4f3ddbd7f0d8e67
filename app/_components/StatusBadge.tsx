import { getTranslations } from 'next-intl/server';
import type { CaseStatus } from '@/server/domain/case-status';

const tone: Record<CaseStatus, string> = {
  registered: 'bg-sky-100 text-sky-900',
  accepted: 'bg-indigo-100 text-indigo-900',
  declined: 'bg-slate-200 text-slate-800',
  transferred: 'bg-slate-200 text-slate-800',
  merged: 'bg-slate-200 text-slate-800',
  mediating: 'bg-amber-100 text-amber-900',
  performing: 'bg-emerald-100 text-emerald-900',
  referred: 'bg-orange-100 text-orange-900',
  closed: 'bg-emerald-200 text-emerald-950',
  reopened: 'bg-rose-100 text-rose-900',
};

export async function StatusBadge({ status }: { status: CaseStatus }) {
  const t = await getTranslations('status');
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tone[status]}`}>{t(status)}</span>;
}
