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

/**
 * The public address of the app (NEXTAUTH_URL), for links that leave the browser, such as
 * the QR code on a printed receipt; unset → the address the request came in on.
 */
export function publicUrl(): string | undefined {
  return process.env.NEXTAUTH_URL || undefined;
}
