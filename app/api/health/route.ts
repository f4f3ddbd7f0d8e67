import { cookies } from 'next/headers';
import { requestLocale } from '@/server/auth/request-meta';
import { appDatabase } from '@/server/db';
import { healthResponse } from '@/server/health';

export const dynamic = 'force-dynamic';

/** Answers only after a real round trip to the database; 503 (and why) while it is away. */
export async function GET() {
  return healthResponse(appDatabase, requestLocale(await cookies()));
}
