import { getToken } from 'next-auth/jwt';
import { resolveLocale, localeCookie, type Locale } from '../i18n/locales';
import { trustedProxyHops } from '../config';
import { secrets } from '../secrets';
import { clientAddress, peerHeader, peerStamped } from './client-address';
import type { SessionClaims } from './session-user';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The address rate limits count against; see `clientAddress` for which one and why. */
export function clientIp(headers: HeaderBag): string {
  const peer = peerStamped() ? header(headers, peerHeader) : undefined;
  return clientAddress(peer, header(headers, 'x-forwarded-for'), trustedProxyHops());
}

interface CookieBag {
  getAll(): { name: string; value: string }[];
  get(name: string): { value: string } | undefined;
}

/** The claims of a valid session cookie; they still have to pass `resolveSessionUser`. */
export async function sessionClaims(cookies: CookieBag, headers: Headers): Promise<SessionClaims | null> {
  const token = await getToken({ req: { cookies, headers } as never, secret: secrets().authSecret });
  if (!token || typeof token.uid !== 'string' || typeof token.sv !== 'number') return null;
  return { userId: token.uid, sessionVersion: token.sv };
}

export function requestLocale(cookies: CookieBag): Locale {
  return resolveLocale(cookies.get(localeCookie)?.value);
}
