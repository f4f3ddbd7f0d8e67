import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-xl font-semibold">{t('notFound')}</h1>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">
        {t('home')}
      </Link>
    </main>
  );
}
