// Every environment variable the app reads is read here (and listed in the README).
export type AppMode = 'demo' | 'production';

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/**
 * A read replica of DATABASE_URL's database (DATABASE_REPLICA_URL): the dashboards' figures
 * and their exports are read there. Only with DATABASE_URL.
 */
export function databaseReplicaUrl(): string | undefined {
  return (databaseUrl() && process.env.DATABASE_REPLICA_URL) || undefined;
}

/** Connections the server keeps to PostgreSQL (DATABASE_POOL_SIZE; default 10). */
export function databasePoolSize(): number {
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

/**
 * How long the server waits on PostgreSQL before answering 503: to connect
 * (DATABASE_CONNECT_TIMEOUT_SECONDS, default 5) and for one statement
 * (DATABASE_STATEMENT_TIMEOUT_SECONDS, default 15); a transaction left idle is ended after 60 s.
 */
export function databaseTimeouts() {
  const seconds = (name: string, fallback: number) => {
    const configured = Number(process.env[name]);
    return Number.isFinite(configured) && configured > 0 ? configured : fallback;
  };
  return {
    connectSeconds: seconds('DATABASE_CONNECT_TIMEOUT_SECONDS', 5),
    statementMs: seconds('DATABASE_STATEMENT_TIMEOUT_SECONDS', 15) * 1000,
    idleInTransactionMs: 60_000,
  };
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

/** How often each server process links new audit rows into their chains (AUDIT_SEAL_INTERVAL_SECONDS; default 2, 0 = never). */
export function auditSealIntervalMs(): number {
  const configured = Number(process.env.AUDIT_SEAL_INTERVAL_SECONDS);
  return (Number.isFinite(configured) && configured >= 0 ? configured : 2) * 1000;
}

/**
 * How long a concluded case keeps its personal data before the retention sweep erases it
 * (RETENTION_YEARS, default 10; set it to the archive schedule the center follows), and how
 * long a text message stays in the outbox (SMS_OUTBOX_RETENTION_DAYS, default 90).
 */
export function retentionPolicy() {
  const positive = (name: string, fallback: number) => {
    const configured = Number(process.env[name]);
    return Number.isFinite(configured) && configured > 0 ? configured : fallback;
  };
  return { years: positive('RETENTION_YEARS', 10), smsOutboxDays: positive('SMS_OUTBOX_RETENTION_DAYS', 90) };
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

/** Where links sent by SMS point: the public URL, else this server on its own port (a trial). */
export function linkOrigin(): string {
  return publicUrl() ? new URL(publicUrl()!).origin : `http://localhost:${process.env.PORT || 3000}`;
}
