import { getFormatter, getTranslations } from 'next-intl/server';
import { caseOrNotFound } from '../../../../_lib/case-or-404';
import { requireUser } from '../../../../_lib/session';

/** 延期告知书: the petitioner is told in writing why the handling of their petition was extended, and until when. */
export default async function ExtensionNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api } = await requireUser();
  const notice = await caseOrNotFound(api.case.extensionNotice({ caseId: id }));
  const [t, tAll, format] = await Promise.all([getTranslations('extensionNotice'), getTranslations(), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long' });
  return (
    <>
      <h1 className="mb-2 text-center text-2xl font-bold tracking-widest">{t('title')}</h1>
      <p className="mb-8 text-center">{t('number', { caseNumber: notice.caseNumber })}</p>
      <p>{t('to', { names: notice.applicants.join(t('separator')) })}</p>
      <p className="indent-8">
        {t('body', {
          received: date(notice.receivedAt),
          title: notice.title,
          previous: date(notice.previousDueAt),
          days: notice.days,
          due: date(notice.dueAt),
          source: notice.source ? t('source', { source: tAll(notice.source) }) : '',
        })}
      </p>
      <p className="indent-8">{t('reason', { reason: notice.reason })}</p>
      <p className="indent-8">{t('closing')}</p>
      <div className="mt-16 text-right">
        <p>{notice.centerName}</p>
        <p>{date(notice.decidedOn)}</p>
      </div>
    </>
  );
}
