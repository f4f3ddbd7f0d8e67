import type { Database } from './client';

/**
 * A hot statement built by drizzle once per database handle instead of on every request.
 * Prepared statements run in one round trip on PostgreSQL (postgres.js parses and plans them
 * once per connection, then only binds and executes); unprepared ones take two (describe,
 * then execute). On PGlite there are no round trips, but drizzle's query building is saved.
 *
 * Use it only for statements run on the pool (not inside a transaction), with the per-request
 * values as `sql.placeholder`s, and without predicates whose best plan depends on a value being
 * null: after a few runs PostgreSQL may switch to one generic plan for all values.
 */
export function preparedPerHandle<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
