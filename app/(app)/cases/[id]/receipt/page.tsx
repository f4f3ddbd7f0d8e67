import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { primaryButtonClass, secondaryButtonClass } from '../../../../_components/Field';
import { caseOrNotFound } from '../../../../_lib/case-or-404';
import { publicOrigin, trackingLink } from '../../../../_lib/public-url';
import { qrSvg } from '../../../../_lib/qr';
import { requireUser } from '../../../../_lib/session';
import { PrintButton } from './PrintButton';

/**
 * 受理回执: what the petitioner keeps after submitting, and what the clerk prints for a
 * walk-in: case number, tracking code, the acceptance deadline and a QR code to /track.
 * Everything comes from case.get, so the access policy decides who sees it.
 */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api, user } = await requireUser();
  const view = await caseOrNotFound(api.case.get({ caseId: id }));
  const [t, format, origin] = await Promise.all([getTranslations(), getFormatter(), publicOrigin()]);
  const link = trackingLink(origin, view.caseNumber);
  const qr = await qrSvg(link);
  const applicants = view.parties.filter((p) => p.role === 'applicant').length;
  // The deadline is the server's acceptance clock (holidays counted), never computed here.
  const acceptanceDue = view.clocks.find((c) => c.kind === 'acceptance')?.dueAt ?? null;
  const petitioner = user.role === 'petitioner';
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long' });

  const facts: [string, string][] = [
    [t('case.registeredAt'), format.dateTime(view.registeredAt, { dateStyle: 'long', timeStyle: 'short' })],
    [t('petition.center'), view.centerName],
    [t('receipt.matter'), view.title],
    [t('receipt.applicants'), t('case.applicantCount', { n: applicants })],
    [t('case.channel'), t(`channel.${view.channel}`)],
  ];

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      {petitioner && (
        <p role="status" className="rounded-xl bg-emerald-50 px-4 py-3 text-emerald-900 print:hidden">
          <span aria-hidden>✓ </span>
          {t('receipt.submitted')}
        </p>
      )}
      <article className="receipt rounded-xl border border-slate-200 bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none" aria-labelledby="receipt-title">
        <h1 id="receipt-title" className="text-center text-xl font-semibold tracking-widest">
          {t('receipt.title')}
        </h1>
        <p className="mt-1 text-center text-sm text-slate-600">{view.centerName}</p>
        <dl className="mt-5 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
          <div className="rounded-lg bg-slate-50 p-3 print:border print:border-slate-400 print:bg-white">
            <dt className="text-sm text-slate-600">{t('case.number')}</dt>
            <dd className="mt-1 whitespace-nowrap font-mono text-lg font-semibold">{view.caseNumber}</dd>
          </div>
          {view.trackingCode && (
            <div className="rounded-lg bg-brand-50 p-3 print:border print:border-slate-400 print:bg-white">
              <dt className="text-sm text-slate-600">{t('petition.trackingCode')}</dt>
              <dd className="mt-1 font-mono text-2xl font-bold tracking-[0.2em] text-brand-800 print:text-black">{view.trackingCode}</dd>
            </div>
          )}
        </dl>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>

        <h2 className="mt-5 font-medium">{t('receipt.nextTitle')}</h2>
        <ol className="mt-2 flex list-decimal flex-col gap-1.5 pl-5 text-sm text-slate-800">
          {acceptanceDue ? (
            <li>
              {t.rich('receipt.acceptanceBy', { date: date(acceptanceDue), strong: (chunks) => <strong>{chunks}</strong> })}
            </li>
          ) : (
            <li>{t('receipt.currentStatus', { status: t(`status.${view.status}`) })}</li>
          )}
          <li>{t('receipt.notice')}</li>
          <li>{t('receipt.keepCode')}</li>
        </ol>

        <div className="mt-5 flex items-center gap-4 rounded-lg border border-slate-200 p-3">
          <div role="img" aria-label={t('receipt.qrLabel')} className="h-28 w-28 shrink-0" dangerouslySetInnerHTML={{ __html: qr }} />
          <div className="min-w-0 text-sm">
            <p className="font-medium">{t('receipt.scan')}</p>
            <p className="mt-1 break-all font-mono text-xs text-slate-600">{link}</p>
          </div>
        </div>
        <p className="mt-6 hidden text-right text-sm print:block">
          {view.centerName}
          <br />
          {date(new Date())}
        </p>
      </article>

      <div className="flex flex-col gap-2 sm:flex-row print:hidden">
        <PrintButton className={petitioner ? secondaryButtonClass : primaryButtonClass} />
        <Link href={`/cases/${view.id}`} className={petitioner ? primaryButtonClass : secondaryButtonClass}>
          {t('receipt.viewCase')}
        </Link>
        <Link href={petitioner ? '/my' : '/intake/new'} className={secondaryButtonClass}>
          {petitioner ? t('receipt.myCases') : t('receipt.registerAnother')}
        </Link>
      </div>
    </div>
  );
}
