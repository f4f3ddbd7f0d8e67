import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { localeCookie, resolveLocale } from './locales';
import { catalogs } from './translate';

// next-intl without locale routing: the language comes from the `locale` cookie or the browser.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(localeCookie)?.value, headerList.get('accept-language'));
  return { locale, messages: catalogs[locale], timeZone: 'Asia/Shanghai' };
});
