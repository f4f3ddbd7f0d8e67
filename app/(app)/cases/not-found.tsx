import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The same page for a case that does not exist and one the caller may not see. */
export default async function CaseNotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-xl font-semibold">{t('case.notFoundTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('case.notFoundBody')}</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">
        {t('common.home')}
      </Link>
    </div>
  );
}
