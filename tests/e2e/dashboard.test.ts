import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { readSheet } from 'read-excel-file/node';
import { demoPassword } from '../../db/demo';
import { apiMutation as mutate, apiQuery, laptopViewport, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();
const suffix = String(Date.now()).slice(-6);
let threatCase = { id: '', caseNumber: '' };

/** A file the page's own link downloads, as the browser saves it. */
async function download(page: Page, link: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link, exact: true }).click()]);
  return readFile((await file.path())!);
}

async function as(login: string, landing: string, viewport = laptopViewport): Promise<Page> {
  return signIn(await newContext(viewport), baseUrl, login, demoPassword, landing);
}

describe('the director’s dashboard', () => {
  it('shows the month’s figures; a count opens exactly the cases behind it; the CSV has the same figure', async () => {
    // One case accepted and closed this month, whatever else the other tests left.
    const petitioner = await as('13800000001', '/my', phoneViewport);
    const centers = (await apiQuery(petitioner, 'petition.centers')) as { id: string; regionCode: string }[];
    const created = await mutate(petitioner, 'petition.submit', {
      centerId: centers.find((c) => c.regionCode === '330421')!.id,
      category: 'neighbours',
      title: `邻里噪音纠纷 ${suffix}`,
      description: '楼上住户夜间装修噪音。',
      request: '停止夜间施工',
      respondent: { kind: 'person', name: `张${suffix}` },
      applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
      evidenceIds: [],
      idempotencyKey: `dashboard-e2e-${suffix}`,
    });
    const director = await as('director', '/dashboard');
    await mutate(director, 'intake.decide', { caseId: created.id, decision: 'accept', expectedVersion: 1 });
    const suggestions = (await apiQuery(director, 'panel.suggestions', { caseId: created.id })) as { candidates: { userId: string; name: string }[] }[];
    const mediatorId = suggestions.flatMap((s) => s.candidates).find((p) => p.name === '李建国')!.userId;
    await mutate(director, 'panel.assign', { caseId: created.id, members: [{ userId: mediatorId, isLead: true }], expectedVersion: 2 });
    const { version } = await apiQuery(director, 'case.get', { caseId: created.id });
    await mutate(director, 'resolution.close', { caseId: created.id, outcome: 'resolved', expectedVersion: version });

    // A petition with words of escalation: a red warning at once, with the duty to act.
    const threat = await mutate(petitioner, 'petition.submit', {
      centerId: centers.find((c) => c.regionCode === '330421')!.id,
      category: 'labor_wages',
      title: `工地欠薪 ${suffix}`,
      description: '包工头拖欠三个月工资，再不给就去跳楼。',
      request: '支付工资',
      respondent: { kind: 'organization', name: `某劳务公司${suffix}` },
      applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
      evidenceIds: [],
      idempotencyKey: `dashboard-threat-${suffix}`,
    });

    threatCase = threat;
    await director.reload();
    const warning = director.getByRole('list', { name: '预警' }).getByRole('listitem').filter({ hasText: threat.caseNumber });
    await warning.getByText('言辞激烈，可能激化').waitFor();
    expect(await warning.getByText(/人民调解法》第二十五条/).count()).toBe(1);
    // The director records what was done; the warning stays, with it.
    await warning.getByRole('button', { name: /记录处置/ }).click();
    await director.getByLabel('处置情况').fill('已电话安抚申请人并通报辖区派出所');
    await director.getByRole('dialog').getByRole('button', { name: '记录处置' }).click();
    await warning.getByText('已电话安抚申请人并通报辖区派出所').waitFor();
    const card = director.getByRole('article', { name: '办结率', exact: true });
    const denominator = card.getByRole('link', { name: '办结率：计入分母的案件', exact: true });
    const count = Number(await denominator.textContent());
    expect(count).toBeGreaterThan(0);
    await card.getByText('口径', { exact: true }).click();
    await card.getByText('本月受理的案件中，截至统计日已办结的比例。').waitFor();
    await screenshot(director, 'director-dashboard-laptop');

    await denominator.click();
    await director.getByRole('heading', { name: '办结率：计入分母的案件', exact: true }).waitFor();
    expect(await director.getByRole('listitem').filter({ has: director.getByRole('link') }).count()).toBe(count);
    expect(await director.getByText(`邻里噪音纠纷 ${suffix}`).count()).toBe(1);
    // The list's own export: the same cases.
    const listed = await readSheet(await download(director, '导出 Excel：办结率：计入分母的案件'));
    expect(listed.slice(2)).toHaveLength(count);
    expect(listed.some((row) => row[1] === `邻里噪音纠纷 ${suffix}`)).toBe(true);

    const month = new URL(director.url()).searchParams.get('month')!;
    const csv = await director.context().request.get(`${baseUrl}/api/exports/dashboard?month=${month}`);
    expect(csv.status()).toBe(200);
    const closureRow = (await csv.text()).split('\r\n').find((line) => line.startsWith('办结率,'))!;
    expect(closureRow.split(',')[4]).toBe(String(count));
    // The Excel file downloaded from the page's own link: every figure and the breakdown as on the screen.
    await director.goto(`${baseUrl}/dashboard`);
    const sheet = await readSheet(await download(director, '导出 Excel：月度报表'));
    const cards = await director.getByRole('article').filter({ has: director.getByRole('link', { name: /计入分母的案件$/ }) }).all();
    expect(cards.length).toBeGreaterThan(10);
    for (const figure of cards) {
      const name = (await figure.getByRole('heading').textContent())!;
      const [numerator, denominator] = await figure.getByRole('link').allTextContents();
      const rate = await figure.locator('p').first().textContent();
      const row = sheet.find((cells) => cells[0] === name)!;
      expect([row[0], row[1], row[3], row[4]]).toEqual([name, rate, Number(numerator), Number(denominator)]);
    }
    const breakdown = director.getByRole('table').last();
    const onScreen = await Promise.all((await breakdown.locator('tbody tr').all()).map((row) => row.locator('th, td').allTextContents()));
    const header = sheet.findIndex((row) => row[0] === '按类别');
    expect(sheet.slice(header + 1, header + 1 + onScreen.length).map((row) => row.slice(0, 6).map(String))).toEqual(onScreen);

    // Last month has ended: the director freezes its report.
    await director.goto(`${baseUrl}/dashboard`);
    await director.getByRole('link', { name: '← 上月' }).click();
    await director.getByRole('button', { name: '冻结本月报表' }).click();
    await director.getByText(/已于 .+ 由 沈志华 冻结/).waitFor();
  });

  it('reads on a phone, and a supervisor reaches a center’s figures from the region', async () => {
    const phone = await as('director', '/dashboard', phoneViewport);
    await phone.getByRole('article', { name: '满意率' }).waitFor();
    // The trend chart draws itself (ECharts, loaded on this page only), legend included.
    const chart = phone.getByRole('img', { name: /趋势图：办结率、化解率/ });
    await chart.locator('svg text', { hasText: '办结率' }).first().waitFor();
    expect(await chart.locator('svg path').count()).toBeGreaterThan(4);
    await chart.scrollIntoViewIfNeeded();
    await screenshot(phone, 'director-dashboard-phone');
    // Every table's downloads are there on a phone too; the trend's figures are the table's.
    const trend = await readSheet(await download(phone, '导出 Excel：趋势'));
    const firstRow = await phone.getByRole('table').first().locator('tbody tr').first().locator('th, td').allTextContents();
    expect(trend[2]![0]).toBe(firstRow[0]);
    expect(firstRow[1]).toContain(String(trend[2]![1]));

    const supervisor = await as('supervisor', '/region', phoneViewport);
    // The region's table as a file, downloaded on the phone: the centers' counts and rates as on the screen.
    const region = await readSheet(await download(supervisor, '导出 Excel：辖区各中心'));
    const jiashan = await supervisor.getByRole('row').filter({ hasText: '嘉善县社会治理综合服务中心' }).locator('td').allTextContents();
    expect(region.find((row) => row[0] === '嘉善县社会治理综合服务中心')!.slice(2, 7).map(String)).toEqual(jiashan.slice(1, 6));
    await supervisor.getByRole('link', { name: /嘉善.*月度指标/ }).click();
    await supervisor.getByRole('heading', { name: '中心概况' }).waitFor();
    expect(await supervisor.getByText(/嘉善县社会治理综合服务中心 · \d{4}-\d{2}/).count()).toBe(1);
  });

  it('督办: the supervisor orders on a case from its page; the director sees it at the top and answers it', async () => {
    const supervisor = await as('supervisor', '/region');
    await supervisor.goto(`${baseUrl}/cases/${threatCase.id}`);
    await supervisor.getByRole('button', { name: '督办本案' }).click();
    await supervisor.getByLabel('督办事项').fill('涉及极端言辞，请立即约谈并报告稳控措施');
    await supervisor.getByRole('dialog').getByRole('button', { name: '督办本案' }).click();
    await supervisor.getByText('待中心答复').waitFor();

    const director = await as('director', '/dashboard');
    const order = director.getByRole('region', { name: '待答复的督办' }).getByRole('listitem').filter({ hasText: threatCase.caseNumber });
    await order.getByText('涉及极端言辞，请立即约谈并报告稳控措施').waitFor();
    await order.getByRole('link', { name: threatCase.caseNumber }).click();
    await director.getByRole('button', { name: '答复督办' }).click();
    await director.getByLabel('答复内容').fill('已约谈当事人并通报派出所，安排专人跟进');
    await director.getByRole('dialog').getByRole('button', { name: '答复督办' }).click();
    const section = director.getByRole('region', { name: '督办', exact: true });
    await section.getByText('已约谈当事人并通报派出所，安排专人跟进').waitFor();
    expect(await section.getByRole('button', { name: '答复督办' }).count()).toBe(0);
    await screenshot(director, 'director-supervision-answered-laptop');

    await supervisor.goto(`${baseUrl}/region`);
    await supervisor.getByRole('heading', { name: '辖区概况' }).waitFor();
    expect(await supervisor.getByText(threatCase.caseNumber).count()).toBe(0);
  });

  it('督办 on a center: the supervisor orders from the center’s figures; the director answers it on the dashboard', async () => {
    const supervisor = await as('supervisor', '/region');
    await supervisor.getByRole('link', { name: /嘉善.*月度指标/ }).click();
    await supervisor.getByRole('button', { name: '督办本中心' }).click();
    await supervisor.getByLabel('督办事项').fill('本月超期案件偏多，请报告清理计划');
    await supervisor.getByRole('dialog').getByRole('button', { name: '督办本中心' }).click();
    await supervisor.getByRole('dialog').waitFor({ state: 'detached' });
    // The supervisor sees it open on the center's page too.
    const mine = supervisor.getByRole('region', { name: '待答复的督办' }).getByRole('listitem').filter({ hasText: '本月超期案件偏多，请报告清理计划' });
    await mine.waitFor();

    const director = await as('director', '/dashboard', phoneViewport);
    const order = director.getByRole('region', { name: '待答复的督办' }).getByRole('listitem').filter({ hasText: '本月超期案件偏多，请报告清理计划' });
    await order.getByText('对中心的督办').waitFor();
    await order.getByRole('button', { name: '答复督办' }).click();
    await director.getByLabel('答复内容').fill('已逐案明确责任人，月底前清理完毕');
    await director.getByRole('dialog').getByRole('button', { name: '答复督办' }).click();
    await order.waitFor({ state: 'detached' });

    // Reloaded until gone (a few seconds at most): the page rendered right as the answer lands may still list it.
    await expect
      .poll(async () => {
        await supervisor.goto(`${baseUrl}/region`);
        await supervisor.getByRole('heading', { name: '辖区概况' }).waitFor();
        return supervisor.getByText('本月超期案件偏多，请报告清理计划').count();
      }, { timeout: 5000 })
      .toBe(0);
  });
});
