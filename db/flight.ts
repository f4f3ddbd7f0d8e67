import { sql, type QueryPromise, type SQL, type SQLWrapper } from 'drizzle-orm';
import { queryRows, type Database } from './client';

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

/**
 * Writes made as ONE statement: each part a data-modifying CTE under its name (an array's
 * statements as `name_0`, `name_1`, …), then `answer`, a select that may read the parts'
 * RETURNING rows by name. Sent outside a transaction it is a transaction of its own: one round
 * trip (prepared), no BEGIN or COMMIT, and the row locks its parts take are held only while
 * PostgreSQL runs it. Its parts all see the database as it was before the statement, not each
 * other's writes: a part that needs another's row reads that part's RETURNING. Every part runs
 * exactly once whether or not `answer` reads it; foreign keys are checked at the end, so a part
 * may refer to a row another part inserts. Any error undoes every part.
 */
export function oneStatement<T extends Record<string, unknown>>(db: Database, parts: Record<string, SQLWrapper | SQLWrapper[]>, answer: SQL): Promise<T[]> {
  const named = Object.entries(parts).flatMap(([name, part]) =>
    Array.isArray(part) ? part.map((p, i) => [`${name}_${i}`, p] as const) : [[name, part] as const],
  );
  const ctes = sql.join(
    named.map(([name, part]) => sql`${sql.identifier(name)} as (${part.getSQL()})`),
    sql`, `,
  );
  return queryRows<T>(db, sql`with ${ctes} ${answer}`);
}
