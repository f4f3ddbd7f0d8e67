import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { fillPetition, pasteRoster, reachReceipt, receiptValue } from './petition-form';
import { laptopViewport, pageReady, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();
const suffix = String(Date.now()).slice(-6);

/** Holds every request to `path` until released: what a slow line looks like, without waiting on a clock. */
async function holdRequests(page: Page, path: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/trpc/${path}*`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const submit = (page: Page) => page.getByRole('button', { name: '提交', exact: true });
const busySubmit = (page: Page, label: string) => page.locator('button[type="submit"][disabled]', { hasText: label });

describe('thirty workers on a phone', () => {
  it('a representative pastes the list, fixes the bad line, submits and keeps the receipt', async () => {
    const page = await signIn(await newContext(phoneViewport), baseUrl, '13800000001', demoPassword, '/my');
    await page.goto(`${baseUrl}/my/new`);
    await fillPetition(page, {
      center: '嘉善县社会治理综合服务中心',
      category: '劳动与工资',
      // Unlike the petitioner's other matters in this run, so the duplicate check finds none.
      title: `装修队 ${suffix} 结算纠纷`,
      description: '三十名装修工人完工后，包工头以验收未过为由拒绝结算。',
      request: '按合同结算全部款项',
      respondent: `包工头${suffix}`,
      amountInDispute: '210000',
      firstIsRepresentative: true,
    });

    // A photo on its way holds the submit button: the evidence cannot be left out silently.
    const releaseUpload = await holdRequests(page, 'evidence.upload');
    const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await page.locator('input[type="file"]').setInputFiles({ name: '考勤表.png', mimeType: 'image/png', buffer: photo });
    await busySubmit(page, '等待材料上传完成…').waitFor();
    releaseUpload();
    await page.getByRole('list', { name: '证据材料' }).getByText('考勤表.png').waitFor();
    expect(await submit(page).isEnabled()).toBe(true);

    const lines = Array.from({ length: 29 }, (_, i) => `工人${i + 1}\t\t139${suffix}${String(i).padStart(2, '0')}\t7,000`);
    lines[5] = `工人6\t330421199001011235\t139${suffix}05\t7000`;
    let dialog = await pasteRoster(page, lines);
    const badLine = dialog.getByRole('listitem').filter({ hasText: '第 6 行' });
    expect(await badLine.getByText('身份证号码不正确').count()).toBe(1);
    await screenshot(page, 'representative-roster-paste-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '添加 28 名申请人' }).click();
    // The good lines are in; the bad one stays in the box to be fixed.
    expect(await dialog.getByRole('status').textContent()).toContain('有误的 1 行');
    dialog = await pasteRoster(page, [`工人6\t330421199203034018\t139${suffix}05\t7000`]);
    await dialog.getByRole('button', { name: '添加 1 名申请人' }).click();
    await dialog.waitFor({ state: 'detached' });

    const rows = page.getByRole('list').filter({ has: page.getByRole('button', { name: /申请人 30/ }) }).getByRole('listitem');
    expect(await rows.count()).toBe(30);
    expect(await page.getByRole('button', { name: /申请人 30：\s*工人6.*3304\*{10}4018.*7,000/ }).count()).toBe(1);
    // Thirty workers fit on a few phone screens, not 27,000 px.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
    // 29 × 7,000 is not the 210,000 in dispute: a warning, not a refusal.
    expect(await page.getByText('各申请人诉求金额合计 ¥203,000，与涉及金额 ¥210,000 不一致', { exact: false }).count()).toBe(1);
    await screenshot(page, 'petitioner-30-workers-phone');

    // The duplicate check runs before anything is sent, and says so.
    const releaseCheck = await holdRequests(page, 'petition.precheck');
    await submit(page).click();
    await busySubmit(page, '正在检查是否重复反映…').waitFor();
    releaseCheck();

    await reachReceipt(page);
    const caseNumber = await receiptValue(page, '案件编号');
    const trackingCode = await receiptValue(page, '查询码');
    expect(await page.getByText('您的反映已提交').count()).toBe(1);
    expect(await page.getByText('30 名申请人').count()).toBe(1);
    expect(await page.getByRole('img', { name: '查询进度页面的二维码' }).locator('svg').count()).toBe(1);
    const link = (await page.getByText(/\/track\?case=/).textContent())!;
    expect(link.endsWith(`/track?case=${caseNumber}`)).toBe(true);
    expect(link).not.toContain(trackingCode);
    await screenshot(page, 'petitioner-receipt-phone');

    // The receipt's link opens the tracking page with the case number filled in.
    await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    expect(await page.getByLabel('案件编号').inputValue()).toBe(caseNumber);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('[id="trackingCode-error"]').textContent()).toBe('请输入查询码');

    // The new case heads their list of cases; an address past the last page lands on the last one.
    await page.goto(`${baseUrl}/my`);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(caseNumber) }).count()).toBe(1);
    await page.goto(`${baseUrl}/my?page=40`);
    await page.waitForURL((url) => !url.search.includes('page=40'));
    await page.getByRole('heading', { name: '我的案件' }).waitFor();
  });
});

describe('a walk-in at the window', () => {
  it('gets a printed receipt with the case number, tracking code and QR code', async () => {
    const page = await signIn(await newContext(laptopViewport), baseUrl, 'clerk', demoPassword, '/intake');
    await page.goto(`${baseUrl}/intake/new`);
    await page.getByRole('combobox', { name: '纠纷类型' }).click();
    await page.getByRole('option', { name: '劳动与工资' }).click();
    await page.getByLabel('事项标题').fill(`工地拖欠工资 ${suffix}`);
    await page.getByLabel('具体情况').fill('来访人称工地拖欠两个月工资。');
    await page.getByLabel('您的诉求').fill('支付工资');
    await page.getByLabel('姓名或单位名称').fill(`某建筑公司${suffix}`);
    await page.locator('[id="applicants.0.name"]').fill('张建军');
    await page.locator('[id="applicants.0.phone"]').fill(`137${suffix}11`);
    await submit(page).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/receipt$/);
    await pageReady(page);
    await page.emulateMedia({ media: 'print' });
    // On paper: the receipt alone, without the app's navigation.
    expect(await page.getByRole('heading', { level: 1, name: '受理回执' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印回执' }).isVisible()).toBe(false);
    expect(await receiptValue(page, '查询码')).toMatch(/^[2-9A-Z]{8}$/);
    await screenshot(page, 'clerk-walk-in-receipt-print');
  });
});
