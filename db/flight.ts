import type { QueryPromise } from 'drizzle-orm';

/**
 * Sends statements together and waits for all their answers: inside a PostgreSQL transaction
 * postgres.js writes them to the one connection without waiting in between (one round trip
 * for all), and PostgreSQL runs them in the order sent, so a later statement may use the rows
 * an earlier one wrote. Only drizzle's lazy statements are accepted: each is sent when its
 * `then` is called, which happens here in array order, by the same path for every one; an
 * async function's promise would already be on its way and could overtake them. (On PGlite
 * the statements simply run one after the other, in the same order.)
 */
export function sendTogether<T extends readonly QueryPromise<unknown>[]>(statements: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  return Promise.all(statements) as Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
}
