import { getFormatter, getTranslations } from 'next-intl/server';
import { panelRoles } from '@/server/domain/roles';
import { CaseCard } from '../../../_components/CaseCard';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
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
              <CaseCard
                {...c}
                badge={c.isLead ? <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">{t('panel.lead')}</span> : null}
                facts={`${t.has(`category.${c.category}`) ? t(`category.${c.category}`) : c.category} · ${format.dateTime(c.registeredAt, { dateStyle: 'medium' })}`}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
