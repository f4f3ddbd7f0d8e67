'use client';

import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { localeCookie, locales, type Locale } from '@/server/i18n/locales';

const labels: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function choose(locale: Locale) {
    document.cookie = `${localeCookie}=${locale}; path=/; max-age=31536000; samesite=lax`;
    startTransition(() => router.refresh());
  }
  return (
    <div className={`flex gap-1 text-sm ${className}`} aria-busy={pending}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          onClick={() => choose(locale)}
          className={`rounded px-2 py-1 ${current === locale ? 'bg-brand-100 font-medium text-brand-800' : 'text-slate-600 hover:bg-slate-100'}`}
        >
          {labels[locale]}
        </button>
      ))}
    </div>
  );
}
