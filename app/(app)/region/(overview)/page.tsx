import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../../_components/PageTitle';
import { requireUser } from '../../../_lib/session';

export default async function RegionOverviewPage() {
  const { api } = await requireUser('supervisor');
  const [centers, t] = await Promise.all([api.center.region(), getTranslations('region')]);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {centers.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t('center')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('cases')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('open')}</th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">{t('indicators')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {centers.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="px-4 py-2">
                  <Link href={`/region/${c.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {c.name}
                  </Link>{' '}
                  <span className="font-mono text-xs text-slate-600">{c.regionCode}</span>
                </td>
                <td className="px-4 py-2">{c.total}</td>
                <td className="px-4 py-2">{c.open}</td>
                <td className="px-4 py-2">
                  <Link href={`/dashboard?center=${c.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={`${c.name} ${t('indicators')}`}>
                    {t('indicators')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
