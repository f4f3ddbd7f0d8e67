import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { isDatabaseUnavailable, logUnavailable } from './db-unavailable';
import type { Locale } from './i18n/locales';
import { translator } from './i18n/translate';
import { logError } from './log';

/** Longer than this and the database counts as away, whatever the driver is still trying. */
const probeTimeoutMs = 3_000;

/**
 * `/api/health`: 200 only after a real round trip to the database; otherwise 503 at once,
 * saying so in the caller's language, so load balancers and people see the same thing.
 */
export async function healthResponse(open: () => Promise<DatabaseHandle>, locale: Locale): Promise<Response> {
  let kind: string | undefined;
  try {
    const handle = await open();
    kind = handle.kind;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('health probe timed out'), { code: 'ETIMEDOUT' })), probeTimeoutMs);
    });
    try {
      await Promise.race([handle.db.execute(sql`select 1`), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return Response.json({ ok: true, db: kind }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) logUnavailable('health.db_unavailable', error);
    else logError('health.failed', error);
    return Response.json(
      { ok: false, db: kind ?? null, database: 'unavailable', message: translator(locale)('errors.unavailable') },
      { status: 503, headers: { 'retry-after': '5', 'cache-control': 'no-store' } },
    );
  }
}
