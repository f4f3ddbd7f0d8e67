/**
 * The headers every response carries (pages, API routes, files). Set in proxy.ts, which runs
 * before every route; they are not access control, which stays in the tRPC procedures and
 * the access policy.
 */

/**
 * Scripts only from this origin and only with the request's nonce (Next puts it on its own
 * scripts when it finds it in the request's CSP); 'strict-dynamic' lets those load the
 * chunks they need. Styles may be inline: Radix's scroll lock adds <style> elements and
 * React sets style attributes, and CSS cannot run script.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    // Full URLs stay on this site; other sites learn nothing, not even the origin.
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
