// Every environment variable the app reads is read here (and listed in the README).
export type AppMode = 'demo' | 'production';

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** Connections the server keeps to PostgreSQL (DATABASE_POOL_SIZE; default 10). */
export function databasePoolSize(): number {
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

/** Where the embedded database, generated secrets and uploaded files live. */
export function dataDir(): string {
  return process.env.DATA_DIR || '.data';
}

/**
 * Demo mode shows demo accounts on the sign-in page and one-time codes on screen.
 * It defaults on for the embedded database and off for PostgreSQL.
 */
export function appMode(): AppMode {
  const mode = process.env.ONEWINDOW_MODE;
  if (mode === 'demo' || mode === 'production') return mode;
  return databaseUrl() ? 'production' : 'demo';
}

export function isDemoMode(): boolean {
  return appMode() === 'demo';
}

/** The largest evidence file accepted, in bytes (EVIDENCE_MAX_BYTES; default 20 MB). */
export function evidenceMaxBytes(): number {
  const configured = Number(process.env.EVIDENCE_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : 20 * 1024 * 1024;
}

/** How often each server process sweeps the legal clocks for reminders (SWEEP_INTERVAL_SECONDS; default 300, 0 = never). */
export function sweepIntervalMs(): number {
  const configured = Number(process.env.SWEEP_INTERVAL_SECONDS);
  return (Number.isFinite(configured) && configured >= 0 ? configured : 300) * 1000;
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS;
 * default 0: none, the client is the connection's own address). With N, the client is the
 * N-th address from the right; anything further left was written by the client and is ignored.
 */
export function trustedProxyHops(): number {
  const configured = Number(process.env.TRUSTED_PROXY_HOPS);
  return Number.isInteger(configured) && configured >= 0 ? configured : 0;
}

/** Whether people reach the app over HTTPS: a https NEXTAUTH_URL, else what a trusted proxy says. */
export function servedOverHttps(forwardedProto: string | null | undefined): boolean {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.startsWith('https://');
  return trustedProxyHops() > 0 && forwardedProto?.split(',').pop()?.trim() === 'https';
}

/**
 * The public address of the app (NEXTAUTH_URL), for links that leave the browser, such as
 * the QR code on a printed receipt; unset → the address the request came in on.
 */
export function publicUrl(): string | undefined {
  return process.env.NEXTAUTH_URL || undefined;
}
