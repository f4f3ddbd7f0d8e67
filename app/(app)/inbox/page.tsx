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
            const look = `block rounded-lg border bg-white p-3 text-sm ${n.readAt ? 'border-slate-200' : 'border-brand-600 font-medium'}`;
            const body = (
              <>
                <time className="block text-xs font-normal text-slate-500">{format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {n.text}
              </>
            );
            return (
              <li key={n.id}>
                {n.caseId ? (
                  <Link href={`/cases/${n.caseId}`} className={`${look} hover:border-brand-600`}>
                    {body}
                  </Link>
                ) : (
                  <div className={look}>{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
