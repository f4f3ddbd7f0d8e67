import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { demoPassword } from '../../db/demo';
import { freshDatabase } from './harness';
import { nextAuthFlow } from './session-flow';

let handle: DatabaseHandle;
let flow: ReturnType<typeof nextAuthFlow>;
beforeAll(async () => {
  handle = await freshDatabase();
  flow = nextAuthFlow(handle);
});
afterAll(() => handle.close());

describe('signing out', () => {
  it('ends the session on the server: a copied cookie stops working', async () => {
    const { jar } = await flow.signIn('mediator', demoPassword);
    const copied = { ...jar };
    expect(await flow.whoAmI(copied)).toBe('李建国');
    await flow.signOut(jar);
    expect(await flow.whoAmI(copied)).toBe('UNAUTHORIZED');
    // Signing in again works, with a new session.
    const again = await flow.signIn('mediator', demoPassword);
    expect(await flow.whoAmI(again.jar)).toBe('李建国');
  });
});

describe('signing in through next-auth', () => {
  it('answers a malformed name exactly like a wrong password, with no SQL in the answer', async () => {
    const wrong = await flow.signIn('clerk', 'wrong-password');
    const malformed = await flow.signIn('clerk\u0000', demoPassword);
    expect(wrong.redirect).toContain('error=auth.invalidCredentials');
    expect(malformed.redirect).toBe(wrong.redirect);
  });
});
