import { createTranslator } from 'next-intl';
import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';
import type { Locale } from './locales';

export const catalogs = { 'zh-CN': zhCN, en } as const;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator for server code (errors, notifications) over the same catalogs as the UI. */
export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  return (key, values) => {
    if (!t.has(key as never)) return key;
    return t(key as never, values as never);
  };
}
