import { getTranslations } from 'next-intl/server';
import { localDateOf } from '@/server/domain/calendar';
import { caseOrNotFound } from '../../../../../_lib/case-or-404';
import { publicOrigin } from '../../../../../_lib/public-url';
import { qrSvg } from '../../../../../_lib/qr';
import { requireUser } from '../../../../../_lib/session';
import { DocumentSheet } from './DocumentSheet';
import { ServiceRecorder } from './ServiceRecorder';

/**
 * A generated document on A4, as stored when it was issued, with a QR code to its public
 * check (/verify/<id>?h=<hash>): whoever holds the paper can tell it from an altered copy.
 */
export default async function DocumentPrintPage({ params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const { api } = await requireUser();
  const [document, view] = await caseOrNotFound(Promise.all([api.resolution.document({ caseId: id, documentId }), api.case.get({ caseId: id })]));
  const t = await getTranslations('doc');
  const verifyUrl = `${await publicOrigin()}/verify/${document.id}?h=${document.hash}`;
  const qr = await qrSvg(verifyUrl);
  return (
    <>
      <DocumentSheet kind={document.kind} content={document.content} />
      <footer className="mt-10 flex items-end gap-4 border-t border-slate-400 pt-3 text-xs leading-5">
        <div className="h-24 w-24 shrink-0" role="img" aria-label={t('qrLabel')} dangerouslySetInnerHTML={{ __html: qr }} />
        <div className="min-w-0">
          <p>{t('verifyHint')}</p>
          <p className="break-all font-mono">{verifyUrl}</p>
          <p className="break-all font-mono">SHA-256 {document.hash}</p>
        </div>
      </footer>
      {document.canServe && (
        <ServiceRecorder caseId={id} documentId={document.id} parties={view.parties.map((p) => ({ id: p.id, name: p.name }))} today={localDateOf(new Date())} />
      )}
    </>
  );
}
