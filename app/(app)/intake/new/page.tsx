import { getTranslations } from 'next-intl/server';
import { channels } from '@/server/domain/case-status';
import { PageTitle } from '../../../_components/PageTitle';
import { PetitionForm } from '../../../_components/petition/PetitionForm';
import { requireUser } from '../../../_lib/session';

export default async function RegisterAtWindowPage() {
  const { api, user } = await requireUser('clerk', 'director');
  const [centers, acceptanceRule, t] = await Promise.all([api.petition.centers(), api.intake.acceptanceRule(), getTranslations()]);
  const own = centers.filter((c) => c.id === user.centerId);
  const windowChannels = channels.filter((c) => c !== 'online').map((value) => ({ value, label: t(`channel.${value}`) }));
  return (
    <div className="max-w-5xl">
      <PageTitle>{t('petition.registerTitle')}</PageTitle>
      <PetitionForm mode="clerk" centers={own} channels={windowChannels} acceptanceRule={acceptanceRule ?? undefined} />
    </div>
  );
}
