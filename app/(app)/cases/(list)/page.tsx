import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { panelRoles } from '@/server/domain/roles';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
import { StatusBadge } from '../../../_components/StatusBadge';
import { requireUser } from '../../../_lib/session';

/** A panel member's cases, the ones they lead first. */
export default async function PanelCasesPage() {
  const { api } = await requireUser(...panelRoles);
  const [cases, t, format] = await Promise.all([api.panel.mine(), getTranslations(), getFormatter()]);
  const ordered = [...cases].sort((a, b) => Number(b.isLead) - Number(a.isLead));
  return (
    <>
      <PageTitle>{t('panel.title')}</PageTitle>
      {ordered.length === 0 ? (
        <EmptyState>{t('panel.empty')}</EmptyState>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {ordered.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-mono text-xs text-slate-500">{c.caseNumber}</span>
                  <span className="flex items-center gap-2">
                    {c.isLead && <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">{t('panel.lead')}</span>}
                    <StatusBadge status={c.status} />
                  </span>
                </div>
                <p className="mt-1 font-medium">{c.title}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {t.has(`category.${c.category}`) ? t(`category.${c.category}`) : c.category} · {format.dateTime(c.registeredAt, { dateStyle: 'medium' })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
