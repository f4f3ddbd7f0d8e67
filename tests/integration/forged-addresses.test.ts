import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { demoPassword } from '../../db/demo';
import { markPeerStamping, peerHeader } from '../../server/auth/client-address';
import { clientIp } from '../../server/auth/request-meta';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';
import { freshDatabase, refusal } from './harness';
import { nextAuthFlow } from './session-flow';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
  markPeerStamping(); // as server/cli/serve.ts does
});
afterAll(() => handle.close());

/** Headers as they reach the app from one client that forges a new X-Forwarded-For every time. */
let forgery = 0;
const fromOneClient = (peer: string) => ({ 'x-forwarded-for': `10.66.${Math.floor(++forgery / 250)}.${forgery % 250}`, [peerHeader]: peer });

async function anonymousFrom(headers: Record<string, string>) {
  return createCaller(await createContext({ db: handle.db, claims: null, ip: clientIp(new Headers(headers)) }));
}

describe('a forged X-Forwarded-For per request', () => {
  it('does not reset the tracking page’s limit', async () => {
    const lookup = { caseNumber: '330421-2026-000001', trackingCode: 'NOPE', phoneLast4: '0000' };
    for (let i = 0; i < 20; i++) expect((await refusal((await anonymousFrom(fromOneClient('198.51.100.1'))).tracking.lookup(lookup))).code).toBe('NOT_FOUND');
    expect((await refusal((await anonymousFrom(fromOneClient('198.51.100.1'))).tracking.lookup(lookup))).code).toBe('TOO_MANY_REQUESTS');
  });

  it('does not reset the SMS code limit', async () => {
    for (let i = 0; i < 20; i++) await (await anonymousFrom(fromOneClient('198.51.100.2'))).auth.requestCode({ phone: `1360000${String(1000 + i)}` });
    const refused = await refusal((await anonymousFrom(fromOneClient('198.51.100.2'))).auth.requestCode({ phone: '13600009999' }));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
  });

  it('does not reset the sign-in limit', async () => {
    const flow = nextAuthFlow(handle);
    for (let i = 0; i < 5; i++) expect((await flow.signIn('judge', 'wrong', fromOneClient('198.51.100.3'))).redirect).toContain('error=auth.invalidCredentials');
    expect((await flow.signIn('judge', demoPassword, fromOneClient('198.51.100.3'))).redirect).toContain('error=auth.tooManyAttempts');
    // Another client is not held back by it.
    expect((await flow.signIn('judge', demoPassword, fromOneClient('198.51.100.4'))).redirect).not.toContain('error=');
  });
});
