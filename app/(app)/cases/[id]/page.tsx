import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusBadge } from '../../../_components/StatusBadge';
import { requireUser } from '../../../_lib/session';

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api } = await requireUser();
  const view = await api.case.get({ caseId: id }).catch((error: unknown) => {
    // A malformed id and a case the caller may not see both read as "not found".
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <article className="flex flex-col gap-4">
      <header className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span className="font-mono text-sm text-slate-500">
            <span className="sr-only">{t('case.number')} </span>
            {view.caseNumber}
          </span>
          <StatusBadge status={view.status} />
        </div>
        <h1 className="mt-2 text-xl font-semibold">{view.title}</h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-slate-500">{t('case.category')}</dt>
          <dd>{t(`category.${view.category}`)}</dd>
          <dt className="text-slate-500">{t('case.channel')}</dt>
          <dd>{t(`channel.${view.channel}`)}</dd>
          <dt className="text-slate-500">{t('case.registeredAt')}</dt>
          <dd>{format.dateTime(view.registeredAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          <dt className="text-slate-500">{t('petition.center')}</dt>
          <dd>{view.centerName}</dd>
          {view.trackingCode && (
            <>
              <dt className="text-slate-500">{t('petition.trackingCode')}</dt>
              <dd className="font-mono tracking-wider">{view.trackingCode}</dd>
            </>
          )}
        </dl>
      </header>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">{t('case.description')}</h2>
        <p className="whitespace-pre-wrap text-slate-800">{view.description}</p>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">{t('case.parties')}</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {view.parties.map((p) => (
            <li key={p.id}>
              <span className="text-slate-500">{t(`partyRole.${p.role}`)}</span> {p.name}
              {p.phone && <span className="ml-2 font-mono text-slate-600">{p.phone}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">{t('timeline.title')}</h2>
        {view.timeline.length === 0 ? (
          <p className="text-sm text-slate-500">{t('timeline.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-3 border-l-2 border-brand-100 pl-4">
            {view.timeline.map((entry) => (
              <li key={entry.id} className="text-sm">
                <time className="block text-xs text-slate-500" dateTime={entry.createdAt.toISOString()}>
                  {format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
                {t.has(`timeline.${entry.kind}`) ? t(`timeline.${entry.kind}`, { actor: entry.actorName ?? '' }) : entry.kind}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
