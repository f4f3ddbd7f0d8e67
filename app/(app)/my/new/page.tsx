import { getTranslations } from 'next-intl/server';
import { categories } from '@/server/domain/case-status';
import { PageTitle } from '../../../_components/PageTitle';
import { requireUser } from '../../../_lib/session';
import { PetitionForm } from './PetitionForm';

export default async function NewPetitionPage() {
  const { api } = await requireUser('petitioner');
  const [centers, t] = await Promise.all([api.petition.centers(), getTranslations()]);
  return (
    <>
      <PageTitle>{t('petition.newTitle')}</PageTitle>
      <PetitionForm centers={centers} categories={categories.map((value) => ({ value, label: t(`category.${value}`) }))} />
    </>
  );
}
