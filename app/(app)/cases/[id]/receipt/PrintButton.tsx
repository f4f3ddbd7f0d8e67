'use client';

import { useTranslations } from 'next-intl';

export function PrintButton({ className }: { className: string }) {
  const t = useTranslations('receipt');
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {t('print')}
    </button>
  );
}
