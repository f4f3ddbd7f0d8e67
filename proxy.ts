import { NextResponse, type NextRequest } from 'next/server';
import { servedOverHttps } from './server/config';
import { contentSecurityPolicy, securityHeaders } from './server/security-headers';

/**
 * Security headers on every response, with a fresh CSP nonce per request. Nothing here
 * decides who may do what: a request that skipped this file would lack headers, not rights.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const https = servedOverHttps(request.headers.get('x-forwarded-proto'));
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  // Next reads the nonce from the request's CSP and puts it on the scripts it renders.
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}
