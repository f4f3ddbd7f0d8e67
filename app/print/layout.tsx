import type { ReactNode } from 'react';
import { PrintButton } from './PrintButton';

/** Printable documents: an A4 sheet on screen, only the sheet on paper. */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-100 py-6 print:bg-white print:py-0">
      <div className="mx-auto mb-4 flex max-w-[210mm] justify-end px-4 print:hidden">
        <PrintButton />
      </div>
      <article className="mx-auto min-h-[297mm] max-w-[210mm] bg-white px-[20mm] py-[25mm] font-serif text-[15px] leading-8 text-black shadow print:shadow-none">
        {children}
      </article>
    </div>
  );
}
