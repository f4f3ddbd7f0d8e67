import { createRequire } from 'node:module';
import path from 'node:path';
import type { AuthOptions } from 'next-auth';
import type { DatabaseHandle } from '../../db/client';
import { authOptions } from '../../server/auth/options';
import { sessionClaims } from '../../server/auth/request-meta';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';

type Jar = Record<string, string>;

// The handler the /api/auth route wraps; the package does not export it, so it is loaded by path.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: Handler };

type Handler = (params: { req: Record<string, unknown>; options: AuthOptions }) => Promise<{
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string }[];
}>;

/**
 * next-auth's own request handling (CSRF token, credentials callback, sign-out) with the
 * app's options, as the /api/auth route runs it, minus Next's request plumbing.
 */
export function nextAuthFlow(handle: DatabaseHandle) {
  // The options open the process-wide database; in a test that is this file's fresh one.
  (globalThis as { oneWindowDb?: Promise<DatabaseHandle> }).oneWindowDb = Promise.resolve(handle);

  async function call(jar: Jar, action: 'csrf' | 'callback' | 'signout', method: string, body?: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await AuthHandler({
      req: { action, method, body, providerId: action === 'callback' ? 'credentials' : undefined, cookies: { ...jar }, headers, origin: 'http://localhost' },
      options: authOptions(),
    });
    for (const c of res.cookies ?? []) jar[c.name] = c.value;
    return res;
  }

  return {
    /** A browser's cookie jar after signing in, or the redirect that refused it; `headers` as the request arrives at the app. */
    async signIn(username: string, password: string, headers: Record<string, string> = {}) {
      const jar: Jar = {};
      const { body } = await call(jar, 'csrf', 'GET');
      const res = await call(jar, 'callback', 'POST', { csrfToken: (body as { csrfToken: string }).csrfToken, username, password }, headers);
      return { jar, redirect: res.redirect ?? '' };
    },
    async signOut(jar: Jar) {
      const { body } = await call(jar, 'csrf', 'GET');
      await call(jar, 'signout', 'POST', { csrfToken: (body as { csrfToken: string }).csrfToken });
    },
    /** A request made with these cookies: who the server takes it for. */
    async whoAmI(jar: Jar) {
      const cookies = { getAll: () => Object.entries(jar).map(([name, value]) => ({ name, value })), get: (name: string) => (jar[name] ? { value: jar[name] } : undefined) };
      const claims = await sessionClaims(cookies, new Headers());
      const caller = createCaller(await createContext({ db: handle.db, claims }));
      return caller.auth.me().then((me) => me.displayName, (error: { code?: string }) => error.code);
    },
  };
}
