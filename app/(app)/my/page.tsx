import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { ClockBadge } from '../../_components/ClockBadge';
import { StatusBadge } from '../../_components/StatusBadge';
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
              <Link href={`/cases/${c.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-mono text-xs text-slate-500">{c.caseNumber}</span>
                  <StatusBadge status={c.status} />
                </div>
                <p className="mt-1 text-base font-medium">{c.title}</p>
                {c.clock && (
                  <p className="mt-1 flex items-center gap-2 text-xs text-slate-600">
                    {t(`case.clock.${c.clock.kind}`)} <ClockBadge clock={c.clock} />
                  </p>
                )}
                <p className="mt-1 text-xs text-slate-500">
                  {t(`category.${c.category}`)} · {c.centerName} · {format.dateTime(c.registeredAt, { dateStyle: 'medium' })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
