import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { laptopViewport, phoneViewport, sharedBrowser, signIn } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('same-origin');
  expect(headers['permissions-policy'], where).toContain('camera=()');
  // Served over plain HTTP here: no HSTS.
  expect(headers['strict-transport-security'], where).toBeUndefined();
}

/** Every CSP violation or uncaught error the page reports (a refused look-up's 404 is no problem). */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

describe('security headers on every kind of response', () => {
  it('the sign-in page: headers, a fresh nonce each time, and a working sign-in without CSP violations', async () => {
    const page = await (await newContext()).newPage();
    const problems = watchForViolations(page);
    const first = await page.goto(`${baseUrl}/signin`);
    expectSecurityHeaders(first!.headers(), '/signin');
    const again = await page.context().request.get(`${baseUrl}/signin`);
    expect(again.headers()['content-security-policy']).not.toBe(first!.headers()['content-security-policy']);
    await page.getByLabel('账号或手机号').fill('clerk');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${baseUrl}/intake`);
    expect(problems).toEqual([]);
  });

  it('a signed-in page, where client components and live updates still work', async () => {
    const page = await signIn(await newContext(), baseUrl, 'clerk', demoPassword, '/intake');
    const problems = watchForViolations(page);
    const res = await page.goto(`${baseUrl}/intake`);
    expectSecurityHeaders(res!.headers(), '/intake');
    // A client-side navigation and a dropdown (Radix, positioned with style attributes).
    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('API routes and the evidence endpoint', async () => {
    const context = await newContext();
    for (const path of ['/api/health', '/api/trpc/system.ping', '/api/evidence/00000000-0000-4000-8000-000000000000', '/api/auth/csrf']) {
      const res = await context.request.get(`${baseUrl}${path}`);
      expect(res.status(), path).toBeLessThan(500);
      expectSecurityHeaders(res.headers(), path);
    }
  });

  it('the public tracking page, whose look-up is a POST with the codes in the body', async () => {
    const page = await (await newContext(phoneViewport)).newPage();
    const problems = watchForViolations(page);
    const res = await page.goto(`${baseUrl}/track`);
    expectSecurityHeaders(res!.headers(), '/track');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/trpc/')) requests.push(`${r.method()} ${r.url()}`);
    });
    await page.getByLabel('案件编号').fill('330421-2026-999999');
    await page.getByLabel('查询码').fill('ZZZZZZ');
    await page.getByLabel('手机号后 4 位').fill('0001');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByText('没有找到匹配的案件，请核对后再试').waitFor();
    expect(requests).toEqual([`POST ${baseUrl}/api/trpc/tracking.lookup?batch=1`]);
    expect(problems).toEqual([]);
  });
});

describe('hostile addresses and headers against the running app', () => {
  it('the intake page answers bogus filters with its defaults, not a 500', async () => {
    const page = await signIn(await newContext(laptopViewport), baseUrl, 'clerk', demoPassword, '/intake');
    for (const query of ['status=bogus', 'due=abc', 'page=999999', 'q=%00', 'channel=%00&sort=1', 'category=' + 'x'.repeat(500)]) {
      const res = await page.goto(`${baseUrl}/intake?${query}`);
      expect(res?.status(), query).toBe(200);
    }
  });

  it('the intake search never shows in the address', async () => {
    const page = await signIn(await newContext(laptopViewport), baseUrl, 'clerk', demoPassword, '/intake');
    await page.getByLabel('搜索案件编号、姓名或手机号').fill('13800000001');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).not.toContain('13800000001');
    expect(await page.getByLabel('搜索案件编号、姓名或手机号').inputValue()).toBe('13800000001');
  });

  it('a forged X-Forwarded-For per request does not reset the tracking limit', async () => {
    const context = await newContext();
    const statuses: number[] = [];
    // From ::1, so the budget spent is not that of 127.0.0.1, where the other browser tests come from.
    const fromIpv6 = baseUrl.replace('127.0.0.1', '[::1]');
    for (let i = 0; i < 21; i++) {
      const res = await context.request.post(`${fromIpv6}/api/trpc/tracking.lookup`, {
        data: { json: { caseNumber: '330421-2026-999998', trackingCode: 'FORGED', phoneLast4: '0002' } },
        headers: { 'x-forwarded-for': `10.9.9.${i}`, 'x-onewindow-peer': `10.8.8.${i}` },
      });
      statuses.push(res.status());
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('a cross-site form post to a mutation is refused', async () => {
    const res = await (await newContext()).request.post(`${baseUrl}/api/trpc/inbox.markRead`, {
      data: { json: {} },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status()).toBe(403);
  });

  it('signing out ends a copied session', async () => {
    const context = await newContext();
    const page = await signIn(context, baseUrl, 'mediator', demoPassword, '/cases');
    const copied = await newContext();
    await copied.addCookies(await context.cookies());
    expect((await copied.request.get(`${baseUrl}/api/trpc/auth.me`)).status()).toBe(200);
    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/signin`);
    expect((await copied.request.get(`${baseUrl}/api/trpc/auth.me`)).status()).toBe(401);
  });
});
