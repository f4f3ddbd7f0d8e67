'use client';

import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { locales, type Locale } from '@/server/i18n/locales';
import { chooseLocale } from '../_lib/locale-action';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const labels: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function choose(locale: Locale) {
    startTransition(async () => {
      await chooseLocale(locale);
      router.refresh();
    });
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
          className={`min-h-11 min-w-11 whitespace-nowrap rounded px-2 ${current === locale ? 'bg-brand-100 font-medium text-brand-800' : 'text-slate-600 hover:bg-slate-100'}`}
        >
          {labels[locale]}
        </button>
      ))}
    </div>
  );
}
