import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { displayTimeZone, localeCookie, resolveLocale } from './locales';
import { catalogs } from './translate';

// next-intl without locale routing: the language comes from the `locale` cookie else Chinese.
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(localeCookie)?.value);
  return { locale, messages: catalogs[locale], timeZone: displayTimeZone };
});
