import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoAccounts, demoPassword } from '../../db/demo';
import { homePathFor } from '../../server/domain/roles';
import { fillPetition, receiptValue, submitOwnPetition } from './petition-form';
import { laptopViewport, launchBrowser, pageReady, phoneViewport, screenshot, signIn } from './server';

const app = { baseUrl: inject('baseUrl') };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rawCaseGet = (caseId: string) =>
  `/api/trpc/case.get?input=${encodeURIComponent(JSON.stringify({ json: { caseId } }))}`;

describe('the thin slice in a real browser', () => {
  let caseId = '';
  const title = `楼上深夜噪音扰民 ${Date.now()}`;

  it('a petitioner on a phone submits a petition and sees it under my cases', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await signIn(context, app.baseUrl, '13800000001', demoPassword, '/my');
    await page.getByRole('link', { name: '我要反映' }).first().click();
    await page.waitForURL('**/my/new');

    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('请检查填写的内容');
    // The person lands on the first thing to fix, which says what to do.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('centerId');
    expect(await page.locator('[id="centerId-error"]').textContent()).toBe('请选择受理中心');
    // Corrected, its error goes at once; the others stay until they are corrected too.
    await page.getByLabel('事项标题').fill(title);
    await expect.poll(() => page.locator('[id="title-error"]').count()).toBe(0);
    expect(await page.locator('[id="description-error"]').textContent()).toBe('此项必填');

    await fillPetition(page, {
      center: '嘉善县社会治理综合服务中心',
      category: '邻里纠纷',
      title,
      description: '楼上住户每晚十二点后仍有很大噪音，多次沟通无果。',
      request: '请对方夜间保持安静',
      respondent: `楼上住户 ${Date.now()}`,
    });
    await screenshot(page, 'petitioner-new-petition-phone');
    await submitOwnPetition(page);
    caseId = page.url().split('/').at(-2)!;
    expect(await receiptValue(page, '案件编号')).toMatch(/^330421-\d{4}-\d{6}$/);
    expect(await receiptValue(page, '查询码')).toMatch(/^[2-9A-Z]{8}$/);
    expect(await page.getByText(/中心将在 \d{4}年\d{1,2}月\d{1,2}日 前决定是否受理/).count()).toBe(1);
    await page.getByRole('link', { name: '查看案件详情' }).click();
    await page.waitForURL(`**/cases/${caseId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.getByText(/330421-\d{4}-\d{6}/).count()).toBe(1);
    expect(await page.getByText('王大海 提交了申请，案件已登记').count()).toBe(1);
    await screenshot(page, 'petitioner-case-phone');

    await page.getByRole('link', { name: '我的案件' }).click();
    await page.waitForURL('**/my');
    await pageReady(page);
    // One tab is current, not both.
    expect(await page.locator('nav [aria-current="page"]').allTextContents()).toEqual(['我的案件']);
    const caseLink = page.getByRole('link', { name: new RegExp(title) });
    expect(await caseLink.count()).toBe(1);

    // On a slow line, a tapped case shows its skeleton at once (prefetched with the list)
    // while the page's own request is held here.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/cases/${caseId}*`, async (route) => {
      const headers = route.request().headers();
      if (headers.rsc && !headers['next-router-prefetch']) await held;
      await route.continue();
    });
    // Away first: a prefetch still in flight from the list shown before must not count as this page's.
    await page.goto('about:blank');
    const prefetched = page.waitForResponse((r) => {
      const headers = r.request().headers();
      return r.url().includes(`/cases/${caseId}`) && !!headers['next-router-prefetch'] && !headers['next-router-segment-prefetch'];
    });
    await page.goto(`${app.baseUrl}/my`);
    // Links are prefetched as they come into view; with other tests' cases above it, this one may be further down.
    await caseLink.scrollIntoViewIfNeeded();
    await prefetched;
    // The router reads the prefetch as a stream that stays open (its dynamic part never comes),
    // so there is no "finished" to wait for: a moment lets the loading state arrive, as a
    // person's thumb would.
    await page.waitForTimeout(1000);
    try {
      await caseLink.click();
      // The skeleton, or the page itself when the prefetch already brought it; never the old list.
      await page.getByRole('status').filter({ hasText: '加载中…' }).or(page.getByRole('heading', { level: 1, name: title })).waitFor();
      await screenshot(page, 'petitioner-case-tapped-phone');
    } finally {
      // Never leave the app with a request held, whatever happened.
      release();
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await context.close();
  });

  it('the clerk of that center sees it in the intake queue with its 15-day acceptance clock', async () => {
    const context = await browser.newContext({ viewport: laptopViewport });
    const page = await signIn(context, app.baseUrl, 'clerk', demoPassword, '/intake');
    const row = page.getByRole('row', { name: new RegExp(title) });
    expect(await row.count()).toBe(1);
    // 15 days from receipt, longer only when the last day is a rest day (then it moves to the next workday).
    expect(await row.textContent()).toMatch(/剩 (1[5-9]|2[0-4]) 天/);
    await screenshot(page, 'clerk-intake-laptop');
    await row.getByRole('link').click();
    await page.waitForURL(`**/cases/${caseId}`);
    await pageReady(page);
    // Masked by default, even for the clerk; shown in full on request (and audited).
    expect(await page.getByText('138****0001').count()).toBe(1);
    expect(await page.getByText('13800000001').count()).toBe(0);
    await page.getByRole('button', { name: /显示完整号码/ }).first().click();
    await page.getByText('13800000001').waitFor();
    await context.close();
  });

  it('the other center’s clerk gets “not found”, in the page and from the raw endpoint', async () => {
    const context = await browser.newContext({ viewport: laptopViewport });
    const page = await signIn(context, app.baseUrl, 'clerk2', demoPassword, '/intake');
    expect(await page.getByRole('row', { name: new RegExp(title) }).count()).toBe(0);
    const response = await page.goto(`${app.baseUrl}/cases/${caseId}`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: '找不到该案件' }).count()).toBe(1);
    const raw = await context.request.get(`${app.baseUrl}${rawCaseGet(caseId)}`);
    expect(raw.status()).toBe(404);
    expect((await raw.json()).error.json.data.code).toBe('NOT_FOUND');
    await context.close();
  });

  it('a newly registered petitioner gets “not found” for someone else’s case', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/register`);
    const phone = `137${String(Date.now()).slice(-8)}`;
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const notice = await page.getByRole('status').textContent();
    const code = notice!.match(/\d{6}/)![0];
    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('设置密码（至少 8 位）').fill('li-si-2026');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(`${app.baseUrl}/my`);
    expect(await page.getByText('您还没有提交过事项').count()).toBe(1);

    const response = await page.goto(`${app.baseUrl}/cases/${caseId}`);
    expect(response?.status()).toBe(404);
    const raw = await context.request.get(`${app.baseUrl}${rawCaseGet(caseId)}`);
    expect(raw.status()).toBe(404);
    await context.close();
  });
});

describe('staff away from their desks', () => {
  it('the supervisor opens a center of the region, then one of its cases', async () => {
    const context = await browser.newContext({ viewport: laptopViewport });
    const page = await signIn(context, app.baseUrl, 'supervisor', demoPassword, '/region');
    await page.getByRole('link', { name: '嘉善县社会治理综合服务中心', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '嘉善县社会治理综合服务中心' }).waitFor();
    const cases = page.getByRole('list', { name: '嘉善县社会治理综合服务中心的案件' });
    expect(await cases.getByRole('link').count()).toBeGreaterThan(0);
    await screenshot(page, 'supervisor-center-cases-laptop');
    await cases.getByRole('link').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await pageReady(page);
    expect(await page.getByText(/330421-\d{4}-\d{6}/).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('the director finds every page from the phone menu, with thumb-sized links', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await signIn(context, app.baseUrl, 'director', demoPassword, '/dashboard');
    await page.getByRole('button', { name: '菜单' }).click();
    const menu = page.getByRole('dialog', { name: '一窗' });
    await menu.waitFor();
    const link = menu.getByRole('link', { name: '受理队列' });
    const box = (await link.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'director-phone-menu', { fullPage: false });
    await link.click();
    await page.waitForURL(`${app.baseUrl}/intake`);
    expect(await menu.count()).toBe(0);
    await context.close();
  });
});

describe('sign-in', () => {
  it('brings every demo account to its own home page', async () => {
    for (const account of demoAccounts) {
      const context = await browser.newContext({ viewport: account.role === 'petitioner' ? phoneViewport : laptopViewport });
      const page = await signIn(context, app.baseUrl, account.login, demoPassword, homePathFor(account.role));
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByRole('button', { name: '账户' }).textContent()).toContain(account.displayName);
      await screenshot(page, `home-${account.login}`);
      await context.close();
    }
  });

  it('says so when the password is wrong, and lists demo accounts only in demo mode', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    expect(await page.getByText('演示账号（密码均为 demo-2026）').count()).toBe(1);
    await page.getByLabel('账号或手机号').fill('clerk');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('账号或密码不正确').count()).toBe(1);
    await screenshot(page, 'signin-error-phone');
    await context.close();
  });

  it('switches to English and back', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('登录');
    await context.close();
  });

  it('has a favicon', async () => {
    const res = await fetch(`${app.baseUrl}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/');
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/intake`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });
});
