import { defineConfig } from 'drizzle-kit';

// Only generates SQL from the schema; migrations are applied by `npm run db:migrate`
// so that the same files run on PGlite and on PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
