export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';
export const localeCookie = 'locale';
/** Times are shown as the centers keep them. */
export const displayTimeZone = 'Asia/Shanghai';

function asLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/**
 * The language the person chose (cookie), else Chinese. The browser's Accept-Language is
 * deliberately not consulted: the centers' shared terminals and many phones are set to
 * English while their users read Chinese.
 */
export function resolveLocale(cookieValue: string | undefined | null): Locale {
  return asLocale(cookieValue) ?? defaultLocale;
}
