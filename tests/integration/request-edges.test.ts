import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { handleTrpcRequest } from '../../server/http';
import { createContext } from '../../server/trpc';
import { freshDatabase, tinyPng, uploadForm, userByLogin } from './harness';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

async function send(req: Request, login: string | null = 'clerk') {
  const user = login ? await userByLogin(handle.db, login) : null;
  const res = await handleTrpcRequest(req, () =>
    createContext({ db: handle.db, claims: user ? { userId: user.id, sessionVersion: user.sessionVersion } : null, locale: 'en', ip: '203.0.113.60' }),
  );
  return { status: res.status, body: (await res.json()) as { error?: { json: { message: string } } } | { error?: { json: { message: string } } }[] };
}

const markRead = (headers: Record<string, string>) =>
  new Request('http://localhost/api/trpc/inbox.markRead', {
    method: 'POST',
    body: JSON.stringify(superjson.serialize({})),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('cross-origin state changes', () => {
  it('refuses a mutation from another site by its Origin or Sec-Fetch-Site', async () => {
    const forged: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
    for (const headers of forged) {
      const r = await send(markRead(headers));
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ error: { json: { message: 'Refused: the request came from another site' } } });
    }
  });

  it('refuses a cross-origin upload', async () => {
    const req = new Request('http://localhost/api/trpc/evidence.upload', { method: 'POST', body: uploadForm(tinyPng(), 'a.png'), headers: { origin: 'https://evil.example' } });
    expect((await send(req)).status).toBe(403);
  });

  it('lets the app’s own pages and non-browser clients through', async () => {
    expect((await send(markRead({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
    expect((await send(markRead({}))).status).toBe(200);
  });
});

describe('batches', () => {
  const batch = (n: number) => {
    const paths = Array.from({ length: n }, () => 'system.ping').join(',');
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]));
    return new Request(`http://localhost/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
  };

  it('answers up to 20 calls in one request and refuses more with a clear 400', async () => {
    expect((await send(batch(20))).status).toBe(200);
    const refused = await send(batch(21));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { json: { message: '一次请求的操作过多' } } });
  });
});

describe('case numbers, codes and phone digits', () => {
  it('travel to the tracking lookup in the body, never in the URL', async () => {
    const input = { caseNumber: '330421-2026-000001', trackingCode: 'ABCDEF', phoneLast4: '0001' };
    const asQuery = await send(new Request(`http://localhost/api/trpc/tracking.lookup?input=${encodeURIComponent(JSON.stringify({ json: input }))}`), null);
    expect(asQuery.status).toBe(405);
    const asBody = await send(new Request('http://localhost/api/trpc/tracking.lookup', { method: 'POST', body: JSON.stringify({ json: input }), headers: { 'content-type': 'application/json' } }), null);
    expect(asBody.status).toBe(404);
  });
});
