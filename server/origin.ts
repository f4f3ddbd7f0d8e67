import type { Locale } from './i18n/locales';
import { translator } from './i18n/translate';

/**
 * Cross-origin requests that would change state are refused here, for the tRPC endpoint
 * (mutations and uploads) and next-auth's POSTs alike, on top of SameSite cookies and
 * next-auth's CSRF token. Browsers say where a request comes from in `Sec-Fetch-Site` and
 * `Origin`; a request with neither is not from a browser page and carries no victim's cookie
 * by accident, so it passes.
 */
export function isCrossOrigin(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, privacy redirects) and anything unreadable
  }
  return !ownHosts(req).includes(host);
}

/** The host names this app answers to: its public URL when configured, and the one asked for. */
function ownHosts(req: Request): string[] {
  const hosts = [new URL(req.url).host];
  const host = req.headers.get('host');
  if (host) hosts.push(host);
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      hosts.push(new URL(configured).host);
    } catch {
      // an unreadable NEXTAUTH_URL is next-auth's to report
    }
  }
  return hosts;
}

/** The refusal in tRPC's error shape, so the client shows it like any other error. */
export function crossOriginRefusal(locale: Locale): Response {
  const message = translator(locale)('errors.crossOrigin');
  return Response.json({ error: { json: { message, code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } } } }, { status: 403 });
}
