import type { QueryPromise } from 'drizzle-orm';

type Answers<T extends readonly QueryPromise<unknown>[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Sends statements together and waits for all their answers: inside a PostgreSQL transaction
 * they are written to the one connection without waiting in between (one round trip for
 * all), and PostgreSQL runs them in the order sent, so a later statement may use the rows an
 * earlier one wrote. Only drizzle's lazy statements are accepted: each is made (and, in a
 * transaction, handed to the connection) when its `then` is called, which Promise.all does in
 * array order; an async function's promise would already be on its way and could overtake
 * them. (On PGlite the statements simply run one after the other, in the same order.)
 */
export function sendTogether<T extends readonly QueryPromise<unknown>[]>(statements: T): Promise<Answers<T>> {
  return Promise.all(statements) as Promise<Answers<T>>;
}
