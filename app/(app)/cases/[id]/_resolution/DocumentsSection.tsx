import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { DocumentListing } from './types';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/** The case's generated documents, each printable (A4) with the QR code that verifies it. */
export async function DocumentsSection({ caseId, documents }: { caseId: string; documents: DocumentListing[] }) {
  if (documents.length === 0) return null;
  const [t, tDocs, format] = await Promise.all([getTranslations('closure'), getTranslations('documents'), getFormatter()]);
  return (
    <section className={card} aria-labelledby="documents-title">
      <h2 id="documents-title" className="mb-2 font-medium">
        {t('documents')}
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {documents.map((d) => (
          <li key={d.id} className="flex flex-wrap gap-x-2">
            <Link href={`/print/cases/${caseId}/documents/${d.id}`} className="text-brand-700 underline">
              {tDocs(`kind.${d.kind}`)}
              {d.partyName ? `（${d.partyName}）` : ''}
            </Link>
            <span className="text-slate-500">{format.dateTime(d.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
