export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';
export const localeCookie = 'locale';

function asLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** The chosen language wins; then the browser's first known language; then Chinese. */
export function resolveLocale(cookieValue: string | undefined | null, acceptLanguage: string | undefined | null): Locale {
  const chosen = asLocale(cookieValue);
  if (chosen) return chosen;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const found = asLocale(part.split(';')[0]?.trim());
    if (found) return found;
  }
  return defaultLocale;
}
