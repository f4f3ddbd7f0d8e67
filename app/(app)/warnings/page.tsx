import { getTranslations } from 'next-intl/server';
import { warningOwnerRoles } from '@/server/domain/warning-settings';
import { PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';
import { WarningList } from '../dashboard/WarningList';

/** The warnings a staff member owns (where a red one's notice sends them), to acknowledge and deal with. */
export default async function MyWarningsPage() {
  const { api, user } = await requireUser(...warningOwnerRoles);
  const [warnings, t] = await Promise.all([api.warnings.mine(), getTranslations('warnings')]);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {warnings.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : <WarningList warnings={warnings} user={user} />}
    </>
  );
}
