import { headers } from 'next/headers';
import { publicUrl } from '@/server/config';

/** Where people reach this app from outside: the configured URL, else this request's host. */
export async function publicOrigin(): Promise<string> {
  const configured = publicUrl();
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

/**
 * The tracking page with the case number filled in. The tracking code and the phone never
 * go into a URL (they would end up in logs and browser history).
 */
export function trackingLink(origin: string, caseNumber: string): string {
  return `${origin}/track?case=${encodeURIComponent(caseNumber)}`;
}
