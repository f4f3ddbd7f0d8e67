import { getTranslations } from 'next-intl/server';
import { PageTitle } from '../../../_components/PageTitle';
import { PetitionForm } from '../../../_components/petition/PetitionForm';
import { requireUser } from '../../../_lib/session';

export default async function NewPetitionPage() {
  const { api } = await requireUser('petitioner');
  const [centers, me, t] = await Promise.all([api.petition.centers(), api.auth.me(), getTranslations()]);
  return (
    <>
      <PageTitle>{t('petition.newTitle')}</PageTitle>
      <PetitionForm mode="petitioner" centers={centers} self={{ name: me.displayName, phone: me.phone ?? '' }} />
    </>
  );
}
