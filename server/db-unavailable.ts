import { connectionLost } from '../db/client';
import { summarizeError } from './log';

/**
 * Errors that mean "the database is not there right now" rather than "this request is
 * wrong": refused or dropped connections (`connectionLost`), a server shutting down or
 * starting up, a timeout.
 * People get a 503 in their language for these (and may retry with the same idempotency
 * key); anything else stays a 500.
 */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // postgres.js
  'CONNECT_TIMEOUT',
  // PostgreSQL: cannot_connect_now, too_many_connections, query_canceled (statement_timeout),
  // idle_in_transaction_session_timeout
  '57P03',
  '53300',
  '57014',
  '25P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (connectionLost(error)) return true;
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
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
