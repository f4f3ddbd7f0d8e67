import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { CaseCard } from '../../_components/CaseCard';
import { primaryButtonClass } from '../../_components/Field';
import { requireUser } from '../../_lib/session';

export default async function MyCasesPage() {
  const { api } = await requireUser('petitioner');
  const [cases, t, format] = await Promise.all([api.petition.mine(), getTranslations(), getFormatter()]);
  return (
    <>
      <PageTitle>{t('my.title')}</PageTitle>
      {cases.length === 0 ? (
        <div className="flex flex-col items-center gap-4">
          <EmptyState>{t('my.empty')}</EmptyState>
          <Link href="/my/new" className={primaryButtonClass}>
            {t('my.start')}
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t('my.title')}>
          {cases.map((c) => (
            <li key={c.id}>
              <CaseCard
                {...c}
                facts={`${t(`category.${c.category}`)} · ${c.centerName} · ${format.dateTime(c.registeredAt, { dateStyle: 'medium' })}`}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
