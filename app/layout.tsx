import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isDemoMode } from '@/server/config';
import { resolveLocale } from '@/server/i18n/locales';
import { IntlProvider } from './_lib/intl';
import { Providers } from './_lib/trpc';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: t('fullName'), description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {isDemoMode() && (
          <div role="note" className="border-b-2 border-amber-500 bg-amber-300 px-4 py-1.5 text-center text-sm font-semibold text-amber-950 print:hidden">
            {t('demoBanner')}
          </div>
        )}
        <IntlProvider locale={resolveLocale(locale)}>
          <Providers>{children}</Providers>
        </IntlProvider>
      </body>
    </html>
  );
}
