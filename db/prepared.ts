import { heldConnection, type Database } from './client';

/**
 * A hot statement built by drizzle once per database handle instead of on every request:
 * building a statement costs more CPU than binding its values. (Every statement with
 * parameters is prepared by postgres.js per connection anyway; see `db/client.ts`.)
 *
 * Use it for statements run on the pool or on a connection `onOneConnection` holds (not inside
 * a transaction, where it would be built again for each), with the per-request
 * values as `sql.placeholder`s, and without predicates whose best plan depends on a value being
 * null: after a few runs PostgreSQL may switch to one generic plan for all values.
 */
export function preparedPerHandle<T extends object>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    // A connection held by `onOneConnection` runs its pool's statement, on that connection.
    const connection = heldConnection(db);
    const owner = connection?.pool ?? db;
    let statement = built.get(owner);
    if (!statement) {
      statement = build(owner);
      built.set(owner, statement);
    }
    // drizzle's prepared statement reads its client when it runs (see drizzle-orm/postgres-js/session).
    return connection ? (Object.assign(Object.create(statement), { client: connection.client }) as T) : statement;
  };
}
