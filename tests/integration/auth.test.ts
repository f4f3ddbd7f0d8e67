import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { demoAccounts, demoPassword } from '../../db/demo';
import { notifications, smsOutbox } from '../../db/schema';
import { signInDelaySeconds } from '../../server/domain/sign-in';
import { resolveSessionUser } from '../../server/auth/session-user';
import { authenticate } from '../../server/services/authenticate';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';
import type { ServiceError } from '../../server/services/errors';
import { anonymousCaller, callerAs, freshDatabase, httpCall, refusal, userByLogin } from './harness';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

let ipCounter = 0;
/** Each test signs in from its own address, so per-address limits do not leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function signInError(username: string, password: string, ip = freshIp()) {
  try {
    await authenticate(handle.db, { username, password, ip });
  } catch (error) {
    return (error as ServiceError).messageKey;
  }
  return 'signed-in';
}

describe('signing in', () => {
  it('lets every demo account in with the demo password, with its role', async () => {
    for (const account of demoAccounts) {
      const signedIn = await authenticate(handle.db, { username: account.login, password: demoPassword, ip: freshIp() });
      expect(signedIn.role).toBe(account.role);
      expect(signedIn.displayName).toBe(account.displayName);
    }
  });

  it('answers a wrong password and an unknown account with the same message', async () => {
    expect(await signInError('clerk', 'wrong-password')).toBe('auth.invalidCredentials');
    expect(await signInError('nobody-here', 'wrong-password')).toBe('auth.invalidCredentials');
    expect(await signInError('13999999999', demoPassword)).toBe('auth.invalidCredentials');
  });

  it('locks an account name at one address after five failures, whether or not it exists', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await signInError('judge', 'wrong', ip)).toBe('auth.invalidCredentials');
    expect(await signInError('judge', demoPassword, ip)).toBe('auth.tooManyAttempts');
    for (let i = 0; i < 5; i++) await signInError('ghost', 'wrong', ip);
    expect(await signInError('ghost', 'wrong', ip)).toBe('auth.tooManyAttempts');
    // Other accounts at that address, and the same account elsewhere, are not affected.
    expect(await signInError('lawyer', demoPassword, ip)).toBe('signed-in');
    expect(await signInError('judge', demoPassword)).toBe('signed-in');
  });

  it('limits failures per address across many account names', async () => {
    const ip = freshIp();
    for (let i = 0; i < 50; i++) await signInError(`guess-${i}`, 'wrong', ip);
    expect(await signInError('psychologist', demoPassword, ip)).toBe('auth.tooManyAttempts');
    expect(await signInError('psychologist', demoPassword)).toBe('signed-in');
  });
});

describe('ending sessions', () => {
  it('ends a disabled user’s sessions at once and refuses their sign-in', async () => {
    const mediator = await userByLogin(handle.db, 'mediator');
    const claims = { userId: mediator.id, sessionVersion: mediator.sessionVersion };
    expect(await resolveSessionUser(handle.db, claims)).not.toBeNull();
    // Signed in, a case that does not exist looks like one they have no relation to.
    const someCaseId = randomUUID();
    const beforeDisabling = createCaller(await createContext({ db: handle.db, claims }));
    expect((await refusal(beforeDisabling.case.timeline({ caseId: someCaseId }))).code).toBe('NOT_FOUND');

    const admin = await callerAs(handle.db, 'admin');
    await admin.admin.setUserStatus({ userId: mediator.id, status: 'disabled' });

    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
    // The next request with the old token is anonymous.
    const oldToken = createCaller(await createContext({ db: handle.db, claims }));
    expect((await refusal(oldToken.auth.me())).code).toBe('UNAUTHORIZED');
    // Also when a case read comes first and checks the session in its relation query.
    const firstCaseRead = createCaller(await createContext({ db: handle.db, claims }));
    expect((await refusal(firstCaseRead.case.timeline({ caseId: someCaseId }))).code).toBe('UNAUTHORIZED');
    expect(await signInError('mediator', demoPassword)).toBe('auth.accountDisabled');
    expect(await signInError('mediator', 'wrong')).toBe('auth.invalidCredentials');

    await admin.admin.setUserStatus({ userId: mediator.id, status: 'active' });
    expect(await signInError('mediator', demoPassword)).toBe('signed-in');
    // Re-enabling does not revive the old token.
    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
  });

  it('ends every session when the password changes', async () => {
    const before = await userByLogin(handle.db, 'director');
    const director = await callerAs(handle.db, 'director');
    const wrong = await refusal(director.auth.changePassword({ currentPassword: 'nope', newPassword: 'new-password-2026' }));
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST' });
    await director.auth.changePassword({ currentPassword: demoPassword, newPassword: 'new-password-2026' });
    expect(await resolveSessionUser(handle.db, { userId: before.id, sessionVersion: before.sessionVersion })).toBeNull();
    expect(await signInError('director', demoPassword)).toBe('auth.invalidCredentials');
    expect(await signInError('director', 'new-password-2026')).toBe('signed-in');
  });

  it('does not let an admin disable themselves or a user of another center', async () => {
    const admin = await callerAs(handle.db, 'admin');
    const self = await userByLogin(handle.db, 'admin');
    expect((await refusal(admin.admin.setUserStatus({ userId: self.id, status: 'disabled' }))).code).toBe('BAD_REQUEST');
    const clerk2 = await userByLogin(handle.db, 'clerk2');
    expect((await refusal(admin.admin.setUserStatus({ userId: clerk2.id, status: 'disabled' }))).code).toBe('NOT_FOUND');
    expect((await userByLogin(handle.db, 'clerk2')).status).toBe('active');
  });
});

describe('petitioner registration by phone', () => {
  const originalMode = process.env.ONEWINDOW_MODE;
  afterEach(() => {
    process.env.ONEWINDOW_MODE = originalMode;
  });

  it('sends a code through the outbox, registers with it once, and signs in by phone', async () => {
    const anonymous = await anonymousCaller(handle.db);
    const phone = '13600000001';
    const { demoCode } = await anonymous.auth.requestCode({ phone });
    expect(demoCode).toMatch(/^\d{6}$/);
    const [sms] = await handle.db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone)).orderBy(desc(smsOutbox.createdAt));
    expect(sms!.body).toContain(demoCode!);

    await anonymous.auth.register({ phone, code: demoCode!, name: '赵六', password: 'zhao-liu-2026' });
    const signedIn = await authenticate(handle.db, { username: phone, password: 'zhao-liu-2026', ip: freshIp() });
    expect(signedIn.role).toBe('petitioner');

    const reused = await refusal(anonymous.auth.register({ phone, code: demoCode!, name: '赵六', password: 'zhao-liu-2026' }));
    expect(reused.code).toBe('BAD_REQUEST');
  });

  it('kills a code after five wrong guesses', async () => {
    const anonymous = await anonymousCaller(handle.db);
    const phone = '13600000002';
    const { demoCode } = await anonymous.auth.requestCode({ phone });
    const wrong = demoCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await httpCall(handle.db, null, 'auth.register', { phone, code: wrong, name: '钱七', password: 'qian-qi-2026' }, { method: 'POST' });
      expect(r.body.error?.json.data.fieldErrors).toEqual({ code: '验证码不正确或已过期' });
    }
    const right = await refusal(anonymous.auth.register({ phone, code: demoCode!, name: '钱七', password: 'qian-qi-2026' }));
    expect(right.code).toBe('BAD_REQUEST');
  });

  it('refuses a second code within a minute and an already registered phone', async () => {
    const anonymous = await anonymousCaller(handle.db);
    await anonymous.auth.requestCode({ phone: '13600000003' });
    const again = await httpCall(handle.db, null, 'auth.requestCode', { phone: '13600000003' }, { method: 'POST', locale: 'en' });
    expect(again.status).toBe(429);
    expect(again.body.error?.json.message).toBe('Codes were requested too often; please wait a moment');

    const { demoCode } = await anonymous.auth.requestCode({ phone: '13800000001' });
    const taken = await httpCall(handle.db, null, 'auth.register', { phone: '13800000001', code: demoCode, name: 'x', password: 'whatever-it-takes-123' }, { method: 'POST' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.json.data.fieldErrors).toEqual({ phone: '该手机号已注册，请直接登录' });
  });

  it('never shows the code outside demo mode', async () => {
    process.env.ONEWINDOW_MODE = 'production';
    const anonymous = await anonymousCaller(handle.db);
    expect(await anonymous.auth.requestCode({ phone: '13600000004' })).toEqual({});
  });

  it('explains malformed input per field', async () => {
    const r = await httpCall(handle.db, null, 'auth.register', { phone: '12345', code: 'abc', name: '', password: 'short' }, { method: 'POST' });
    expect(r.status).toBe(400);
    expect(r.body.error?.json.data.fieldErrors).toEqual({
      phone: '请输入 11 位手机号',
      code: '请输入 6 位数字验证码',
      name: '此项必填',
      password: '密码至少 8 位',
    });
  });
});

describe('failures at the owner’s own address', () => {
  it('slow the owner down instead of locking them out, and tell them once per window', async () => {
    const home = freshIp();
    expect(await signInError('labor', demoPassword, home)).toBe('signed-in');
    for (let i = 0; i < 4; i++) expect(await signInError('labor', 'wrong', home)).toBe('auth.invalidCredentials');
    const error = await authenticate(handle.db, { username: 'labor', password: 'wrong', ip: home }).catch((e: ServiceError) => e);
    expect(error).toMatchObject({ messageKey: 'auth.invalidCredentials' });
    const slowed = await authenticate(handle.db, { username: 'labor', password: demoPassword, ip: home }).catch((e: ServiceError) => e);
    expect(slowed).toMatchObject({ messageKey: 'auth.slowDown', options: { values: { seconds: 30 } } });
    // Elsewhere the five failures count against that address only.
    const elsewhere = freshIp();
    for (let i = 0; i < 5; i++) await signInError('labor', 'wrong', elsewhere);
    expect(await signInError('labor', demoPassword, elsewhere)).toBe('auth.tooManyAttempts');

    const labor = await userByLogin(handle.db, 'labor');
    const alerts = await handle.db.select().from(notifications).where(and(eq(notifications.userId, labor.id), eq(notifications.kind, 'account')));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.caseId).toBeNull();
    const inbox = await (await callerAs(handle.db, 'labor')).inbox.list();
    expect(inbox.filter((n) => n.caseId === null).map((n) => n.text)).toEqual(['有人多次输错密码尝试登录您的账号。如果不是您本人，请尽快修改密码。']);
  });

  it('doubles the wait with each further failure, up to 15 minutes', () => {
    expect([4, 5, 6, 7, 9, 20].map(signInDelaySeconds)).toEqual([0, 30, 60, 120, 480, 900]);
  });
});

describe('malformed sign-in names', () => {
  it('answers them exactly like a wrong password, without touching SQL', async () => {
    for (const name of ['clerk\u0000', 'clerk\ud800', '\u0000', 'x'.repeat(65), 'clerk\u0007']) {
      expect(await signInError(name, demoPassword)).toBe('auth.invalidCredentials');
    }
  });

  it('counts them against the address like any failure', async () => {
    const ip = freshIp();
    for (let i = 0; i < 50; i++) await signInError(`bad\u0000${i}`, 'wrong', ip);
    expect(await signInError('psychologist', demoPassword, ip)).toBe('auth.tooManyAttempts');
  });
});

describe('passwords', () => {
  it('refuses weak ones wherever a password is set, in the person’s language', async () => {
    const anonymous = await anonymousCaller(handle.db);
    const { demoCode } = await anonymous.auth.requestCode({ phone: '13600000009' });
    for (const password of ['12345678', 'password', 'woaini1314', 'qwertyuiop']) {
      const r = await httpCall(handle.db, null, 'auth.register', { phone: '13600000009', code: demoCode, name: '周八', password }, { method: 'POST', locale: 'en' });
      expect(r.body.error?.json.data.fieldErrors).toEqual({
        password: 'This password is too easy to guess; choose a longer, less common one (a few words with digits and symbols work well)',
      });
    }
    const change = await httpCall(handle.db, 'judge', 'auth.changePassword', { currentPassword: demoPassword, newPassword: '12345678' }, { method: 'POST' });
    expect(change.body.error?.json.data.fieldErrors).toEqual({ newPassword: '这个密码太容易被猜到，请换一个更长、更少见的密码（可以用几个词加数字和符号）' });
  });

  it('limits wrong current passwords per user, so a stolen session cannot guess the password', async () => {
    const caller = await callerAs(handle.db, 'psychologist');
    for (let i = 0; i < 5; i++) {
      expect((await refusal(caller.auth.changePassword({ currentPassword: `guess-${i}`, newPassword: 'a-new-password-1' }))).code).toBe('BAD_REQUEST');
    }
    const limited = await httpCall(handle.db, 'psychologist', 'auth.changePassword', { currentPassword: demoPassword, newPassword: 'a-new-password-1' }, { method: 'POST', locale: 'en' });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.json.message).toBe('Too many wrong current passwords; try again in 15 minutes');
  });
});
