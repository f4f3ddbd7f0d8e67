'use client';

import { useTranslations } from 'next-intl';
import { primaryButtonClass } from '../_components/Field';

export function PrintButton() {
  const t = useTranslations('common');
  return (
    <button type="button" className={primaryButtonClass} onClick={() => window.print()}>
      {t('print')}
    </button>
  );
}
