import { getTranslations } from 'next-intl/server';
import { caseStatuses } from '@/server/domain/case-status';
import { PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';

export default async function DirectorDashboardPage() {
  const { api } = await requireUser('director');
  const [summary, t] = await Promise.all([api.center.summary(), getTranslations()]);
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <p className="mb-4 text-slate-600">{summary.centerName}</p>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t('dashboard.total')} value={summary.total} />
        <Stat label={t('dashboard.open')} value={summary.open} />
      </div>
      <h2 className="mb-2 mt-6 font-medium">{t('dashboard.byStatus')}</h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {caseStatuses.map((s) => (
          <div key={s} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{t(`status.${s}`)}</dt>
            <dd className="text-lg font-semibold">{summary.byStatus[s]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="text-3xl font-semibold">{value}</p>
    </div>
  );
}
