import { is, SQL, sql, type QueryPromise, type SQLWrapper } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { rowsOf, type Database } from './client';

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
 * trip, no BEGIN or COMMIT, and the row locks its parts take are held only while PostgreSQL
 * runs it. Its parts all see the database as it was before the statement, not each other's
 * writes: a part that needs another's row reads that part's RETURNING. Every part runs exactly
 * once whether or not `answer` reads it; foreign keys are checked at the end, so a part may
 * refer to a row another part inserts. Any error undoes every part.
 *
 * Built by drizzle once per database handle and `shape` (a key naming what varies in the
 * statement's text: which parts, which columns), so every per-request value must be a
 * placeholder (`placeholdersFor`), given in `values`: a value written into the parts would be
 * kept for every later call of that shape. Building a statement this large costs more than
 * running it.
 */
export async function preparedOneStatement<T extends Record<string, unknown>>(
  db: Database,
  shape: string,
  build: () => { parts: StatementParts; answer: SQL },
  values: Record<string, unknown>,
): Promise<T[]> {
  let byShape = builtStatements.get(db);
  if (!byShape) builtStatements.set(db, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    const { parts, answer } = build();
    const dialect = (db as unknown as { dialect: PgDialect }).dialect;
    statement = db._.session.prepareQuery(dialect.sqlToQuery(asOneStatement(parts, answer)), undefined, undefined, false);
    if (byShape.size >= maxShapes) byShape.clear();
    byShape.set(shape, statement);
  }
  return rowsOf<T>(await statement.execute(values));
}

type StatementParts = Record<string, SQLWrapper | SQLWrapper[]>;

function asOneStatement(parts: StatementParts, answer: SQL): SQL {
  const named = Object.entries(parts).flatMap(([name, part]) =>
    Array.isArray(part) ? part.map((p, i) => [`${name}_${i}`, p] as const) : [[name, part] as const],
  );
  const ctes = sql.join(
    named.map(([name, part]) => sql`${sql.identifier(name)} as (${part.getSQL()})`),
    sql`, `,
  );
  return sql`with ${ctes} ${answer}`;
}

const builtStatements = new WeakMap<Database, Map<string, { execute(values: Record<string, unknown>): Promise<unknown> }>>();
// Shapes of one action are few (how many applicants, which optional parts); this bounds a bug.
const maxShapes = 500;

/**
 * A row's values as placeholders named `<prefix><key>` (SQL expressions stay as they are), the
 * values under those names, and the row's shape (its keys) for `preparedOneStatement`.
 */
export function placeholdersFor<T extends Record<string, unknown>>(prefix: string, row: T): { row: T; values: Record<string, unknown>; shape: string } {
  const placeholders: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (is(value, SQL)) {
      placeholders[key] = value;
    } else {
      placeholders[key] = sql.placeholder(prefix + key);
      values[prefix + key] = value;
    }
  }
  return { row: placeholders as T, values, shape: Object.keys(row).join(',') };
}
