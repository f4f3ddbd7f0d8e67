import { getTranslations } from 'next-intl/server';
import { serverApi } from '@/server/request-context';
import { OpenRegionWarning } from './OpenRegionWarning';

/** The region's warnings across centers: which centers and how many open cases, the cases only on request. */
export async function RegionWarnings() {
  const { api } = await serverApi();
  const [warnings, t] = await Promise.all([api.warnings.region(), getTranslations('warnings')]);
  return (
    <section className="mb-4" aria-labelledby="region-warnings">
      <h2 id="region-warnings" className="mb-1 font-medium">
        {t('region')}
      </h2>
      <p className="mb-2 text-sm text-slate-600">{t('regionHint')}</p>
      {warnings.length === 0 ? (
        <p className="text-sm text-slate-600">{t('regionNone')}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {warnings.map((w) => (
            <li key={w.ref} className="rounded-lg border border-amber-300 bg-white p-3">
              <p className="font-medium">{t('regionSummary', { centers: w.centers.length, cases: w.cases })}</p>
              <p className="flex flex-wrap gap-x-3 text-slate-700">
                {w.centers.map((c) => (
                  <span key={c.centerId}>{t('regionCenter', { name: c.name, cases: c.cases })}</span>
                ))}
              </p>
              <OpenRegionWarning warningRef={w.ref} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
