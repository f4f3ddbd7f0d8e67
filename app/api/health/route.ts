import { sql } from 'drizzle-orm';
import { appDatabase } from '@/server/db';

export const dynamic = 'force-dynamic';

/** Answers only after a real round trip to the database. */
export async function GET() {
  try {
    const { db, kind } = await appDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, db: kind });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
