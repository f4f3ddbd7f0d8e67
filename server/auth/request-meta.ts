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

/**
 * Tokens already decrypted, by their exact text. The token is authenticated encryption, so the
 * same text always decodes to the same claims; only its expiry has to be checked again. The
 * claims still pass `resolveSessionUser` on every request, which is what revokes a session.
 */
const decoded = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();
const maxDecoded = 10_000;

/** The claims of a valid session cookie; they still have to pass `resolveSessionUser`. */
export async function sessionClaims(cookies: CookieBag, headers: Headers): Promise<SessionClaims | null> {
  const req = { cookies, headers } as never;
  const secret = secrets().authSecret;
  const raw = await getToken({ req, secret, raw: true });
  if (!raw) return null;
  const known = decoded.get(raw);
  if (known && known.expiresAtMs > Date.now()) return known.claims;
  const token = await getToken({ req, secret });
  if (!token || typeof token.uid !== 'string' || typeof token.sv !== 'number' || typeof token.exp !== 'number') return null;
  const claims = { userId: token.uid, sessionVersion: token.sv };
  // The oldest entry makes room: a Map iterates in insertion order.
  if (decoded.size >= maxDecoded) decoded.delete(decoded.keys().next().value!);
  decoded.set(raw, { claims, expiresAtMs: token.exp * 1000 });
  return claims;
}

export function requestLocale(cookies: CookieBag): Locale {
  return resolveLocale(cookies.get(localeCookie)?.value);
}
