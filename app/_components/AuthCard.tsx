import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame of the sign-in and registration pages: phone-first, centered on larger screens. */
export async function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col px-4 py-8">
      <div className="mb-6 flex items-start justify-between">
        <div>
          <p className="text-2xl font-bold text-brand-700">{t('name')}</p>
          <p className="text-sm text-slate-500">{t('tagline')}</p>
        </div>
        <LanguageSwitcher />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
