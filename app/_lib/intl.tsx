'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import en from '@/server/i18n/messages/en.json';
import zhCN from '@/server/i18n/messages/zh-CN.json';
import { displayTimeZone, type Locale } from '@/server/i18n/locales';

const catalogs = { 'zh-CN': zhCN, en };

/**
 * The client components' messages come with the app's JavaScript (both languages, ≈ 42 KB
 * compressed, fetched once and cached), not inside each page: handed down from the server,
 * the whole catalog (≈ 70 KB) was written into every page's HTML and encoded again on every
 * request, most of a page's rendering time.
 */
export function IntlProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone={displayTimeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
