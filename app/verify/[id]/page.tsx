import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AuthCard } from '../../_components/AuthCard';
import { serverApi } from '@/server/request-context';

export const metadata: Metadata = { robots: { index: false } };

// The same check as the procedure's input: anything else is simply not a document of ours.
const documentId = z.uuid();
const hashShape = /^[0-9a-f]{64}$/i;

/**
 * Public, from a printed document's QR code: whether the paper is the one on record — its
 * kind, case number, date, masked names and content hash; nothing else about the case.
 */
export default async function VerifyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ h?: string | string[] }> }) {
  const [{ id }, { h }] = await Promise.all([params, searchParams]);
  const [t, tDocs, format] = await Promise.all([getTranslations('verify'), getTranslations('documents'), getFormatter()]);
  const claimed = typeof h === 'string' && hashShape.test(h) ? h : undefined;
  const result = documentId.safeParse(id).success ? await (await serverApi()).api.verify.document({ documentId: id, hash: claimed }) : { found: false as const };
  const verdict = !result.found ? 'unknown' : result.matches && claimed ? 'genuine' : result.matches ? 'noHash' : 'mismatch';
  const look = verdict === 'genuine' ? 'border-emerald-600 bg-emerald-50 text-emerald-900' : verdict === 'noHash' ? 'border-amber-500 bg-amber-50 text-amber-900' : 'border-red-600 bg-red-50 text-red-900';
  return (
    <AuthCard title={t('title')}>
      <p role="status" className={`mb-4 rounded-md border-2 p-3 font-medium ${look}`}>
        {t(`verdict.${verdict}`)}
      </p>
      {result.found && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{t('kind')}</dt>
          <dd>{tDocs(`kind.${result.kind}`)}</dd>
          <dt className="text-slate-500">{t('caseNumber')}</dt>
          <dd className="font-mono">{result.caseNumber}</dd>
          <dt className="text-slate-500">{t('issuedAt')}</dt>
          <dd>{format.dateTime(result.issuedAt, { dateStyle: 'long', timeStyle: 'short' })}</dd>
          {result.names.length > 0 && (
            <>
              <dt className="text-slate-500">{t('names')}</dt>
              <dd>{result.names.join(t('separator'))}</dd>
            </>
          )}
          <dt className="text-slate-500">{t('hash')}</dt>
          <dd className="break-all font-mono text-xs">{result.hash}</dd>
        </dl>
      )}
      {result.found && result.erased && <p className="mt-4 text-sm text-slate-600">{t('erased')}</p>}
      <p className="mt-4 text-xs text-slate-500">{t('explain')}</p>
    </AuthCard>
  );
}
