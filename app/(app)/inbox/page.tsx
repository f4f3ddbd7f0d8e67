import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';
import { MarkAllRead } from './MarkAllRead';

export default async function InboxPage() {
  const { api } = await requireUser();
  const [items, unread, t, format] = await Promise.all([api.inbox.list(), api.inbox.unreadCount(), getTranslations(), getFormatter()]);
  return (
    <>
      <PageTitle action={unread > 0 ? <MarkAllRead /> : undefined}>{t('inbox.title')}</PageTitle>
      {items.length === 0 ? (
        <EmptyState>{t('inbox.empty')}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((n) => {
            const body = n.body as Record<string, string>;
            const text = t.has(`inbox.${n.kind}`) ? t(`inbox.${n.kind}`, { caseNumber: body.caseNumber ?? '', by: body.by ?? '' }) : n.kind;
            return (
              <li key={n.id} className={`rounded-lg border bg-white p-3 text-sm ${n.readAt ? 'border-slate-200' : 'border-brand-600'}`}>
                <time className="block text-xs text-slate-500">{format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {n.caseId ? (
                  <Link href={`/cases/${n.caseId}`} className={n.readAt ? '' : 'font-medium'}>
                    {text}
                  </Link>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
