'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { localeCookie, locales } from '@/server/i18n/locales';

/** Remembers the chosen language for a year. */
export async function chooseLocale(locale: string): Promise<void> {
  const parsed = z.enum(locales).safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}
