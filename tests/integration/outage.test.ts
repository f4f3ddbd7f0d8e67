import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { healthResponse } from '../../server/health';
import { handleTrpcRequest } from '../../server/http';
import type { Locale } from '../../server/i18n/locales';
import { createContext } from '../../server/trpc';

// A PostgreSQL server that is not there (nothing listens on port 1): what the app meets while
// its database is stopped. The fault test (npm run test:fault) stops a real one under load.
let away: DatabaseHandle;
beforeAll(async () => {
  away = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/onewindow', timeouts: { connectSeconds: 2, statementMs: 5_000, idleInTransactionMs: 5_000 } });
});
afterAll(() => away.close());

async function submitWhileAway(locale: Locale) {
  const req = new Request('http://localhost/api/trpc/petition.submit', { method: 'POST', body: JSON.stringify({ json: {} }), headers: { 'content-type': 'application/json' } });
  const res = await handleTrpcRequest(req, () => createContext({ db: away.db, claims: { userId: randomUUID(), sessionVersion: 1 }, locale, ip: '203.0.113.20' }));
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: { json: { message: string; data: { code: string } } } } };
}

describe('while the database is away', () => {
  it('a request gets a 503 that says so in the caller’s language, and when to try again', async () => {
    const zh = await submitWhileAway('zh-CN');
    expect(zh).toMatchObject({ status: 503, retryAfter: '5' });
    expect(zh.body.error.json).toMatchObject({ message: '系统暂时无法连接数据库，请稍后重试', data: { code: 'SERVICE_UNAVAILABLE' } });
    const en = await submitWhileAway('en');
    expect(en.body.error.json.message).toBe('The system cannot reach its database right now; please try again in a moment');
  });

  it('the health endpoint reports the outage', async () => {
    const res = await healthResponse(async () => away, 'en');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: 'postgres', database: 'unavailable', message: 'The system cannot reach its database right now; please try again in a moment' });
  });
});
