import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { clientIp, requestLocale, sessionClaims } from './auth/request-meta';
import { appDatabase } from './db';
import { createCaller } from './root';
import { createContext, type Context } from './trpc';

/** The context of the current Next request (route handler or server component). */
export async function contextFromNextRequest(): Promise<Context> {
  const [cookieStore, headerList, { db }] = await Promise.all([cookies(), headers(), appDatabase()]);
  return createContext({
    db,
    claims: await sessionClaims(cookieStore, headerList),
    locale: requestLocale(cookieStore),
    ip: clientIp(headerList),
  });
}

/** The server-side tRPC caller for server components, one per request. */
export const serverApi = cache(async () => {
  const ctx = await contextFromNextRequest();
  return { api: createCaller(ctx), user: ctx.user, locale: ctx.locale };
});
