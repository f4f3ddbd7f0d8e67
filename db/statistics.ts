import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client';

/**
 * PostgreSQL's autovacuum keeps the planner's statistics fresh; PGlite has none, and its plans
 * degrade as tables grow from the (empty) state last analyzed. Run after migrations, after seeding and periodically by the server.
 */
export async function refreshPlannerStatistics(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') await handle.db.execute(sql`analyze`);
}
