import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '../_components/AuthCard';
import { TrackForm } from './TrackForm';
import { caseNumberPattern } from '@/server/domain/case-number';


/** Public: no sign-in. Shows only what every party may see, without names. */
export default async function TrackPage({ searchParams }: { searchParams: Promise<{ case?: string | string[] }> }) {
  // The receipt's QR code links here with the case number; anything else in `case` is ignored.
  const given = (await searchParams).case;
  const caseNumber = typeof given === 'string' && caseNumberPattern.test(given) ? given : '';
  const t = await getTranslations();
  return (
    <AuthCard title={t('track.title')}>
      <p className="mb-4 text-sm text-slate-600">{t('track.intro')}</p>
      <TrackForm caseNumber={caseNumber} />
      <p className="mt-6 text-center text-sm">
        <Link href="/signin" className="text-brand-600 underline">
          {t('auth.signIn')}
        </Link>
      </p>
    </AuthCard>
  );
}
