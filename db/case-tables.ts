import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** Every table of the schema with its configuration (columns, foreign keys). */
export function schemaTables() {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable)).map((table) => getTableConfig(table));
}

/**
 * The tables of case data: `cases`, every table with a `case_id`, and every table pointing
 * (by a foreign key) at case data, transitively. They carry center_id (tests/unit/center-scope)
 * and each has a place in the retention plan (server/services/retention-plan.ts).
 */
export function caseDataTables(): Set<string> {
  const tables = schemaTables();
  const scoped = new Set(['cases', ...tables.filter((t) => t.columns.some((c) => c.name === 'case_id')).map((t) => t.name)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tables) {
      if (scoped.has(t.name)) continue;
      if (t.foreignKeys.some((fk) => scoped.has(getTableConfig(fk.reference().foreignTable).name))) {
        scoped.add(t.name);
        grew = true;
      }
    }
  }
  return scoped;
}
