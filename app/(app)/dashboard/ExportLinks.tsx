import { getTranslations } from 'next-intl/server';
import type { ExportTable } from '@/server/services/exports/request';
import { dashboardHref } from './scope';

/**
 * A table's downloads, Excel and CSV: plain links (the server streams the file as an
 * attachment), large enough to tap and wrapping under the heading on a phone. Each is named
 * with its table, as several tables on a page have their own.
 */
export async function ExportLinks({ table, scope, params = {}, label }: { table: ExportTable; scope: { month: string; centerId?: string }; params?: Record<string, string>; label: string }) {
  const t = await getTranslations('dashboard.export');
  return (
    <span className="flex flex-wrap gap-2">
      {(['xlsx', 'csv'] as const).map((format) => (
        <a
          key={format}
          href={dashboardHref('/api/exports/dashboard', scope, { table, ...params, format })}
          aria-label={t(`${format}Of`, { table: label })}
          className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm"
          download
        >
          {t(format)}
        </a>
      ))}
    </span>
  );
}
