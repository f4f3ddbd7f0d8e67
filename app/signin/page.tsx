import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { demoAccounts, demoPassword } from '@/db/demo';
import { isDemoMode } from '@/server/config';
import { homePathFor } from '@/server/domain/roles';
import { serverApi } from '@/server/request-context';
import { AuthCard } from '../_components/AuthCard';
import { SignInForm } from './SignInForm';

export default async function SignInPage() {
  const { user } = await serverApi();
  if (user) redirect(homePathFor(user.role));
  const t = await getTranslations();
  return (
    <AuthCard title={t('auth.signInTitle')}>
      <SignInForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t('auth.noAccount')}{' '}
        <Link href="/register" className="font-medium text-brand-600 underline">
          {t('auth.register')}
        </Link>
      </p>
      <p className="mt-2 text-center text-sm">
        <Link href="/track" className="text-brand-600 underline">
          {t('track.link')}
        </Link>
      </p>
      {isDemoMode() && (
        <section aria-labelledby="demo-accounts" className="mt-8 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
          <h2 id="demo-accounts" className="mb-2 font-medium text-amber-900">
            {t('auth.demoAccounts', { password: demoPassword })}
          </h2>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-x-4 gap-y-1 text-amber-900">
            {demoAccounts.map((a) => (
              // Login and role wrap as wholes, never inside a word ("psycho-logist").
              <li key={a.login} className="flex flex-wrap gap-x-1">
                <code className="whitespace-nowrap font-mono">{a.login}</code>
                <span className="whitespace-nowrap text-amber-800">{t(`roles.${a.role}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </AuthCard>
  );
}
