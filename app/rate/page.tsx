import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '../_components/AuthCard';
import { RateByLink } from './RateByLink';

export const metadata: Metadata = { robots: { index: false } };

/** Public, from the SMS sent when a case closes: rate without signing in (the link's fragment is the credential). */
export default async function RatePage() {
  const t = await getTranslations('rating');
  return (
    <AuthCard title={t('linkTitle')}>
      <RateByLink />
    </AuthCard>
  );
}
