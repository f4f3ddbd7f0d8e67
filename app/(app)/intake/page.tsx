import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';

export default async function IntakeQueuePage() {
  const { api } = await requireUser('clerk', 'director');
  const [{ rows: queue }, t, format] = await Promise.all([api.intake.queue(), getTranslations(), getFormatter()]);
  return (
    <>
      <PageTitle>{t('intake.title')}</PageTitle>
      {queue.length === 0 ? (
        <EmptyState>{t('intake.empty')}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('case.number')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('petition.title')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('intake.applicant')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('case.category')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('case.channel')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('intake.registeredAt')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('intake.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 hover:bg-slate-50">
                  <td className="px-4 py-2 font-mono text-xs">
                    <Link href={`/cases/${c.id}`} className="text-brand-700 underline">
                      {c.caseNumber}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{c.title}</td>
                  <td className="px-4 py-2">{c.applicant}</td>
                  <td className="px-4 py-2">{t(`category.${c.category}`)}</td>
                  <td className="px-4 py-2">{t(`channel.${c.channel}`)}</td>
                  <td className="px-4 py-2">{format.dateTime(c.registeredAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td className="px-4 py-2">
                    <span className={c.daysLeft < 0 ? 'font-medium text-red-700' : c.daysLeft <= 3 ? 'font-medium text-amber-700' : ''}>
                      {c.daysLeft < 0 ? t('intake.overdue', { days: -c.daysLeft }) : t('intake.daysLeft', { days: c.daysLeft })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
