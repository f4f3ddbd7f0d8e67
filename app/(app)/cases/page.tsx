import { getTranslations } from 'next-intl/server';
import { panelRoles } from '@/server/domain/roles';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';

// Panel members' cases arrive with panel assignment; until then the list is empty.
export default async function PanelCasesPage() {
  await requireUser(...panelRoles);
  const t = await getTranslations('panel');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <EmptyState>{t('empty')}</EmptyState>
    </>
  );
}
