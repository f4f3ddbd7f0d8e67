import { summarizeError } from './log';

/**
 * Errors that mean "the database is not there right now" rather than "this request is
 * wrong": refused or dropped connections, a server shutting down or starting up, a timeout.
 * People get a 503 in their language for these (and may retry with the same idempotency
 * key); anything else stays a 500.
 */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // postgres.js
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections,
  // query_canceled (statement_timeout), idle_in_transaction_session_timeout
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
  '25P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    // SQLSTATE class 08: connection exceptions.
    if (typeof code === 'string' && (connectionCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  return false;
}

let lastLogged = 0;

/** One log line per few seconds while the database is away, not one per request. */
export function logUnavailable(event: string, error: unknown, now = Date.now()): void {
  if (now - lastLogged < 5_000) return;
  lastLogged = now;
  console.error(JSON.stringify({ level: 'warn', time: new Date(now).toISOString(), event, error: summarizeError(error) }));
}
