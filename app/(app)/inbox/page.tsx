import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState, PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';
import { MarkAllRead } from './MarkAllRead';

export default async function InboxPage() {
  const { api } = await requireUser();
  const [items, unread, texts, t, format] = await Promise.all([api.inbox.list(), api.inbox.unreadCount(), api.inbox.demoTexts(), getTranslations(), getFormatter()]);
  return (
    <>
      <PageTitle action={unread > 0 ? <MarkAllRead /> : undefined}>{t('inbox.title')}</PageTitle>
      {items.length === 0 ? (
        <EmptyState>{t('inbox.empty')}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((n) => {
            const when = <time className="block text-xs font-normal text-slate-600">{format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
            return (
              <li key={n.id} className={`rounded-lg border bg-white text-sm ${n.readAt ? 'border-slate-200' : 'border-brand-600'}`}>
                {n.caseId ? (
                  // The whole row is the link: a thumb does not have to find the words.
                  <Link href={`/cases/${n.caseId}`} className={`block min-h-11 rounded-lg p-3 hover:bg-slate-50 ${n.readAt ? '' : 'font-medium'}`}>
                    {when}
                    {n.text}
                  </Link>
                ) : (
                  <div className={`p-3 ${n.readAt ? '' : 'font-medium'}`}>
                    {when}
                    {n.text}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {texts.length > 0 && (
        <section className="mt-6" aria-labelledby="demo-texts-title">
          <h2 id="demo-texts-title" className="mb-2 font-medium">
            {t('inbox.demoTexts')}
          </h2>
          <ul className="flex flex-col gap-2 text-sm">
            {texts.map((m) => (
              <li key={m.id} className="rounded-lg border border-dashed border-slate-300 bg-white p-3">
                <time className="block text-xs text-slate-600">{format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {/* Links in a text message are tappable on a phone; here too. */}
                {m.body.split(/(https?:\/\/\S+?)(?=[（(\s]|$)/).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={i} href={part} className="break-all text-brand-700 underline">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
