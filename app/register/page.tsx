import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '../_components/AuthCard';
import { RegisterForm } from './RegisterForm';

export default async function RegisterPage() {
  const t = await getTranslations('auth');
  return (
    <AuthCard title={t('registerTitle')}>
      <RegisterForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t('haveAccount')}{' '}
        <Link href="/signin" className="font-medium text-brand-600 underline">
          {t('signIn')}
        </Link>
      </p>
    </AuthCard>
  );
}
