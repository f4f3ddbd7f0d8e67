import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { clientIp, requestLocale, sessionClaims } from './auth/request-meta';
import { appDatabase } from './db';
import { createCaller } from './root';
import { createContext, type Context } from './trpc';
import { isDatabaseUnavailable, logUnavailable } from './db-unavailable';

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
  return { api: createCaller(ctx), user: await pageUser(ctx), locale: ctx.locale };
});

/** The page's user; with the database away, nobody (the page's own calls then answer 503). */
async function pageUser(ctx: Context) {
  try {
    return await ctx.session.currentUser();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logUnavailable('db.unavailable', error);
    return null;
  }
}
