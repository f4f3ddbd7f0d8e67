import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { fillPetition, receiptValue, submitOwnPetition } from './petition-form';
import { laptopViewport, pageReady, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext: context } = sharedBrowser();

const photo = {
  name: '工资条.png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
};
const suffix = String(Date.now()).slice(-6);
const shop = `鲜海海鲜店${suffix}`;
const workerPhone = `135${String(Date.now()).slice(-8)}`;

async function registerByPhone(page: Page, phone: string, name: string) {
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByRole('status').textContent())!.match(/\d{6}/)![0];
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('设置密码（至少 8 位）').fill('worker-2026');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.waitForURL(`${baseUrl}/my`);
  // A client-side navigation: the URL changes before the list streams in after its skeleton.
  await pageReady(page);
}

describe('one-window intake, end to end', () => {
  let groupUrl = '';
  let groupNumber = '';
  let trackingCode = '';

  it('a petitioner submits a group wage petition for three workers with a photo', async () => {
    const page = await signIn(await context(phoneViewport), baseUrl, '13800000001', demoPassword, '/my');
    await page.goto(`${baseUrl}/my/new`);
    await fillPetition(page, {
      center: '嘉善县社会治理综合服务中心',
      category: '劳动与工资',
      title: `${shop}拖欠 3 名工人工资`,
      description: '我们三人在海鲜店打工，老板拖欠三个月工资共两万余元。',
      request: '支付拖欠工资 21000 元',
      respondent: shop,
      firstApplicantIdNumber: '33042119900101123X',
      firstIsRepresentative: true,
      extraApplicants: [
        { name: '赵工', idNumber: '330421199203034018', phone: workerPhone, claimedAmount: '7000' },
        { name: '钱工', phone: `136${String(Date.now()).slice(-8)}`, claimedAmount: '7000' },
      ],
      photo,
    });
    await screenshot(page, 'petitioner-group-petition-phone');
    await submitOwnPetition(page);
    groupNumber = await receiptValue(page, '案件编号');
    trackingCode = await receiptValue(page, '查询码');
    expect(groupNumber).toMatch(/^330421-\d{4}-\d{6}$/);
    expect(trackingCode).toMatch(/^[2-9A-Z]{8}$/);
    await page.getByRole('link', { name: '查看案件详情' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await pageReady(page);
    groupUrl = page.url();
    expect(await page.getByText('3 名申请人').count()).toBe(1);
    expect(await page.getByRole('link', { name: '工资条.png' }).count()).toBe(1);
    await screenshot(page, 'petitioner-group-case-phone');
  });

  it('a second petition by one of those workers shows the first as a likely duplicate', async () => {
    const page = await (await context(phoneViewport)).newPage();
    await registerByPhone(page, workerPhone, '赵工');
    // Named as an applicant with this phone, the worker already follows the group case.
    expect(await page.getByText(groupNumber, { exact: true }).count()).toBe(1);
    await page.goto(`${baseUrl}/my/new`);
    await fillPetition(page, {
      center: '嘉善县社会治理综合服务中心',
      category: '劳动与工资',
      title: '海鲜店老板欠我工资',
      description: '我在海鲜店打工，老板拖欠我七千元工资。',
      request: '支付工资 7000 元',
      respondent: shop,
    });
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '您可能已经反映过这件事' });
    await dialog.waitFor();
    expect(await dialog.getByText(groupNumber, { exact: true }).count()).toBe(1);
    await screenshot(page, 'worker-duplicate-warning-phone');
    await dialog.getByRole('button', { name: '不是同一件事，继续提交' }).click();
    await page.waitForURL((url) => /\/cases\/[0-9a-f-]{36}\/receipt$/.test(url.pathname) && !url.href.startsWith(groupUrl));
  });

  it('the clerk sees the duplicate, merges it into the group case and accepts it', async () => {
    const page = await signIn(await context(laptopViewport), baseUrl, 'clerk', demoPassword, '/intake');
    const row = page.getByRole('row', { name: /海鲜店老板欠我工资/ });
    expect(await row.getByText(/疑似重复/).count()).toBe(1);
    await screenshot(page, 'clerk-queue-duplicates-laptop');
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: '可能重复或相关的案件' }).waitFor();
    const candidate = page.getByRole('listitem').filter({ hasText: groupNumber });
    expect(await candidate.getByText(/同一申请人（手机号）/).count()).toBe(1);
    await screenshot(page, 'clerk-duplicate-panel-laptop');
    await candidate.getByRole('button', { name: '并入该案' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '并入该案' }).click();
    await page.waitForURL(groupUrl);
    await page.getByText(/并入本案（新增/).first().waitFor();

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('button', { name: /确认 · 受理/ }).click();
    await expect.poll(() => page.getByText('已受理', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'clerk-accepted-laptop');
  });

  it('the petitioner sees the acceptance', async () => {
    const page = await signIn(await context(phoneViewport), baseUrl, '13800000001', demoPassword, '/my');
    await page.goto(groupUrl);
    expect(await page.getByText('已受理', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/受理了案件/).count()).toBe(1);
  });

  it('and the public tracking page shows it', async () => {
    const page = await (await context(phoneViewport)).newPage();
    await page.goto(`${baseUrl}/track`);
    await page.getByLabel('案件编号').fill(groupNumber);
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('手机号后 4 位').fill('0001');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const result = page.getByRole('region', { name: '查询案件进度' });
    await result.waitFor();
    expect(await result.getByText('已受理').count()).toBeGreaterThan(0);
    expect(await result.getByText('王大海').count()).toBe(0);
    await screenshot(page, 'public-tracking-phone');
  });
});
