import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { idNumberCheckChar } from '../../server/domain/id-number';
import { apiMutation as mutate, apiQuery, laptopViewport, pageReady, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();
const suffix = String(Date.now()).slice(-6);
const company = `宏达建筑公司${suffix}`;
const title = `宏达建筑拖欠三名工人工资 ${suffix}`;
const idNumber = (birth: string, seq: string) => `330421${birth}${seq}${idNumberCheckChar(`330421${birth}${seq}`)}`;
// Dates as the center sees them (Asia/Shanghai).
const shanghaiDate = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function as(login: string, landing: string, viewport = laptopViewport): Promise<Page> {
  return signIn(await newContext(viewport), baseUrl, login, demoPassword, landing);
}

/** Clicks a button that changes the case, and waits until the refreshed page no longer offers it. */
async function act(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  await button.click();
  // While the call runs the button is renamed "working"; after it, the refreshed page drops it.
  const left = async () => (await button.count()) + (await page.locator('[aria-busy="true"]').count());
  await expect.poll(left, { timeout: 15_000 }).toBe(0);
}

describe('a wage case from acceptance to closure (一条龙)', () => {
  let caseId = '';
  let caseUrl = '';
  let mediator: Page;
  let petitioner: Page;

  it('the clerk pastes the other workers into the accepted group case and sees the claims added up', async () => {
    petitioner = await as('13800000001', '/my', phoneViewport);
    const centers = (await apiQuery(petitioner, 'petition.centers')) as { id: string; regionCode: string }[];
    const created = await mutate(petitioner, 'petition.submit', {
      centerId: centers.find((c) => c.regionCode === '330421')!.id,
      category: 'labor_wages',
      title,
      description: '宏达建筑公司承包的厂房工程完工后，拖欠我们三人共 15000 元工资。',
      request: '支付拖欠的工资',
      amountInDispute: '15000',
      respondent: { kind: 'organization', name: company },
      applicants: [{ name: '王大海', phone: '13800000001', claimedAmount: '6000', isRepresentative: true }],
      evidenceIds: [],
      idempotencyKey: `resolution-e2e-${suffix}`,
    });
    caseId = created.id;
    caseUrl = `${baseUrl}/cases/${caseId}`;
    const clerk = await as('clerk', '/intake');
    await mutate(clerk, 'intake.decide', { caseId, decision: 'accept', expectedVersion: 1 });

    await clerk.goto(caseUrl);
    await pageReady(clerk);
    await clerk.getByRole('button', { name: '粘贴名单' }).click();
    await clerk.getByLabel('名单内容').fill(`李小红 ${idNumber('19900101', '202')} 13900001234 4000\n张强 ${idNumber('19880315', '113')} 13900005678 5000`);
    await clerk.getByRole('button', { name: '添加 2 名申请人' }).click();
    await clerk.getByText('已添加 2 人，现共有申请人 3 人，诉求合计 ¥15,000。').waitFor();
    await expect.poll(() => clerk.getByText('张强', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('the lead mediator writes the agreement with one payment term per worker', async () => {
    const director = await as('director', '/dashboard');
    const suggestions = (await apiQuery(director, 'panel.suggestions', { caseId })) as { candidates: { userId: string; name: string }[] }[];
    const people = suggestions.flatMap((s) => s.candidates);
    const view = await apiQuery(director, 'case.get', { caseId });
    await mutate(director, 'panel.assign', {
      caseId,
      members: [
        { userId: people.find((p) => p.name === '李建国')!.userId, isLead: true },
        { userId: people.find((p) => p.name === '陈静')!.userId, isLead: false },
      ],
      expectedVersion: view.version,
    });

    mediator = await as('mediator', '/cases');
    await mediator.goto(caseUrl);
    await mediator.getByRole('button', { name: '拟写调解协议' }).click();
    await mediator.getByLabel('纠纷事实').fill('宏达建筑公司承包厂房工程，工程完工后未支付三名工人的工资。');
    await mediator.getByLabel('争议事项').fill('拖欠工资的数额和支付期限。');
    await mediator.getByLabel('各方责任').fill('宏达建筑公司应当按约定支付劳动报酬。');
    // Due yesterday: the test then sees a missed term without waiting a day.
    await mediator.getByLabel('统一履行期限').fill(shanghaiDate(-1));
    await mediator.getByRole('button', { name: '按诉求为 3 名申请人各生成一项付款条款' }).click();
    expect(await mediator.getByLabel('金额（元）', { exact: true }).evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)))).toEqual([6000, 4000, 5000]);
    await screenshot(mediator, 'mediator-agreement-editor-laptop', { fullPage: false });
    await mediator.getByRole('button', { name: '保存草稿' }).click();
    const draft = mediator.getByRole('region', { name: '调解协议' });
    await draft.getByText('草稿', { exact: true }).waitFor();
    expect(await draft.getByRole('row').count()).toBe(5);
    expect(await draft.getByText('¥15,000.00').count()).toBe(1);

    // The marks made at the window: the other two workers and the company.
    for (const name of ['李小红', '张强', company]) await act(mediator, `记录${name}已签署`);
    expect(await mediator.getByRole('button', { name: '调解员签名' }).count()).toBe(0);
  });

  it('the petitioner sees the draft terms on the phone and confirms them with a text code', async () => {
    await petitioner.goto(caseUrl);
    await petitioner.getByText('调解协议草稿已拟好，请核对下方条款，无误后在手机上确认。').waitFor();
    expect(await petitioner.getByText('草稿', { exact: true }).count()).toBe(1);
    expect(await petitioner.getByText('¥6,000.00').count()).toBeGreaterThan(0);
    await petitioner.getByRole('button', { name: '获取验证码' }).click();
    const code = (await petitioner.getByRole('status').filter({ hasText: '演示模式验证码' }).textContent())!.match(/\d{6}/)![0];
    await petitioner.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
    await petitioner.getByRole('button', { name: '确认协议' }).click();
    await petitioner.getByRole('alert').filter({ hasText: /验证码/ }).first().waitFor();
    await petitioner.getByLabel('短信验证码').fill(code);
    await screenshot(petitioner, 'petitioner-confirms-agreement-phone');
    await petitioner.getByRole('button', { name: '确认协议' }).click();
    await petitioner.getByText('您已确认协议，等待其他各方签署。').waitFor();
  });

  it('the mediator signs and the committee seals: the agreement takes effect and cannot be edited', async () => {
    await mediator.reload();
    await act(mediator, '调解员签名');
    await act(mediator, '加盖印章');
    await mediator.getByText('已生效', { exact: true }).waitFor();
    expect(await mediator.getByText('履行中').count()).toBeGreaterThan(0);
    expect(await mediator.getByRole('button', { name: '修改草稿' }).count()).toBe(0);
    expect(await mediator.getByRole('button', { name: '拟写补充协议' }).count()).toBe(1);
    await screenshot(mediator, 'mediator-agreement-effective-laptop');
  });

  it('judicial confirmation: applied for by the lead, accepted and confirmed by the judge on the panel', async () => {
    await mediator.getByRole('button', { name: '申请司法确认' }).click();
    const court = mediator.getByLabel('受理法院');
    if (!(await court.inputValue())) await court.fill('嘉善县人民法院');
    // A personal-status agreement is refused with the reason.
    await mediator.getByRole('checkbox', { name: '婚姻、亲子、收养等身份关系' }).check();
    await mediator.getByRole('button', { name: '提交申请并生成申请书' }).click();
    await mediator.getByText('涉及婚姻、亲子、收养等身份关系的协议不能申请司法确认').waitFor();
    await mediator.getByRole('checkbox', { name: '婚姻、亲子、收养等身份关系' }).uncheck();
    await mediator.getByRole('button', { name: '提交申请并生成申请书' }).click();
    await mediator.getByText('已申请，待法院受理').waitFor();

    const judge = await as('judge', '/cases');
    await judge.goto(caseUrl);
    await act(judge, '记录法院已受理');
    await act(judge, '记录裁定确认有效');
    await judge.getByText('已裁定确认有效').waitFor();
    // Two years from the last day of performance.
    expect(await judge.getByRole('region', { name: '司法确认' }).getByText('可申请强制执行至').count()).toBe(1);
  });

  it('payments per worker: two paid, one missed, and the payment-order pack only for that worker', async () => {
    const clerk = await as('clerk', '/intake');
    await clerk.goto(caseUrl);
    for (const worker of ['王大海', '李小红']) {
      await clerk.getByRole('button', { name: new RegExp(`^记录付款：${worker}`) }).click();
      await clerk.getByRole('button', { name: '记录付款', exact: true }).click();
      await expect.poll(() => clerk.getByRole('button', { name: new RegExp(`^记录付款：${worker}`) }).count(), { timeout: 15_000 }).toBe(0);
    }
    await clerk.getByText('已付 ¥10,000.00，应付 ¥15,000.00').waitFor();
    expect(await clerk.getByText('1 项逾期').count()).toBe(1);
    await clerk.getByRole('button', { name: '生成支付令申请书' }).click();
    const court = clerk.getByLabel('管辖法院');
    if (!(await court.inputValue())) await court.fill('嘉善县人民法院');
    await clerk.getByRole('button', { name: '生成', exact: true }).click();
    // Refused until the employer can be served (art. 16).
    await clerk.getByText(/只有能够向用人单位送达时才可申请支付令/).waitFor();
    await clerk.getByRole('checkbox', { name: /用人单位能够送达/ }).check();
    await clerk.getByRole('button', { name: '生成', exact: true }).click();
    const orders = clerk.getByRole('link', { name: /^支付令申请书/ });
    await expect.poll(() => orders.count(), { timeout: 15_000 }).toBe(1);
    expect(await orders.textContent()).toBe('支付令申请书（张强）');

    await orders.click();
    await clerk.getByRole('heading', { level: 1, name: '支付令申请书' }).waitFor();
    expect(await clerk.getByText(/人民币 5000\.00 元/).count()).toBeGreaterThan(0);
    expect(await clerk.getByText(/第二十七条/).count()).toBe(1);
    expect(await clerk.locator('footer svg').count()).toBe(1);
    await screenshot(clerk, 'payment-order-print-laptop');
    const verifyUrl = (await clerk.getByText(/\/verify\//).textContent())!.trim();

    // Anyone holding the paper checks it, signed out, on a phone.
    const stranger = await (await newContext(phoneViewport)).newPage();
    await stranger.goto(verifyUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
    await stranger.getByText('文书真实：与存档内容一致。').waitFor();
    const shown = (await stranger.locator('main').textContent())!;
    expect(shown).toContain('支付令申请书');
    expect(shown).not.toContain('张强');
    expect(shown).not.toContain('13900005678');
    await screenshot(stranger, 'verify-genuine-phone');
    const tampered = verifyUrl.replace(/h=([0-9a-f])/, (_, c: string) => `h=${c === '0' ? '1' : '0'}`);
    await stranger.goto(tampered.replace(/^https?:\/\/[^/]+/, baseUrl));
    await stranger.getByText('不一致：该文书与存档内容不符，可能被改动过。').waitFor();
    // An id of the right shape that is no document (nor a valid UUID) is simply not found.
    await stranger.goto(`${baseUrl}/verify/12345678-1234-1234-1234-123456789abc`);
    await stranger.getByText('未找到该文书。').waitFor();
  });

  it('the lead closes the case with its outcome; the petitioner sees the summary on the phone', async () => {
    await mediator.goto(caseUrl);
    await mediator.getByRole('button', { name: '办结案件' }).click();
    await mediator.getByLabel('办理结果').selectOption('partly_resolved');
    await mediator.getByLabel('说明').fill('两名工人已足额领取，张强的支付令已申请。');
    await mediator.getByRole('dialog').getByRole('button', { name: '办结案件' }).click();
    await mediator.getByText('结案情况').waitFor();

    await petitioner.goto(caseUrl);
    await petitioner.getByText('案件已办结，结案情况见下方。').waitFor();
    const summary = petitioner.getByRole('region', { name: '结案情况' });
    expect(await summary.textContent()).toContain('部分化解');
    expect(await summary.textContent()).toContain('¥10,000.00');
    await screenshot(petitioner, 'petitioner-closure-phone');
  });
});
