import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { apiMutation as mutate, apiQuery, laptopViewport, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();
const suffix = String(Date.now()).slice(-6);
const title = `物业费争议评价测试 ${suffix}`;

async function as(login: string, landing: string, viewport = laptopViewport): Promise<Page> {
  return signIn(await newContext(viewport), baseUrl, login, demoPassword, landing);
}

/** The newest rating link in the demo texts of the signed-in petitioner's inbox, on this app's address. */
async function newestRatingLink(petitioner: Page, kind: RegExp) {
  await petitioner.goto(`${baseUrl}/inbox`);
  const text = petitioner.getByRole('region', { name: /短信/ }).getByRole('listitem').filter({ hasText: kind }).first();
  const href = (await text.getByRole('link').getAttribute('href'))!;
  return href.replace(/^https?:\/\/[^/]+/, baseUrl);
}

describe('service rating (好差评) from the SMS link to the rectification', () => {
  let caseId = '';
  let petitioner: Page;
  let director: Page;

  it('a closed case is rated 不满意 from the SMS link on a phone, without signing in', async () => {
    petitioner = await as('13800000001', '/my', phoneViewport);
    const centers = (await apiQuery(petitioner, 'petition.centers')) as { id: string; regionCode: string }[];
    const created = await mutate(petitioner, 'petition.submit', {
      centerId: centers.find((c) => c.regionCode === '330421')!.id,
      category: 'property_management',
      title,
      description: '物业公司多收了半年的物业费。',
      request: '退还多收的物业费',
      respondent: { kind: 'organization', name: `安居物业${suffix}` },
      applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
      evidenceIds: [],
      idempotencyKey: `rating-e2e-${suffix}`,
    });
    caseId = created.id;
    director = await as('director', '/dashboard');
    await mutate(director, 'intake.decide', { caseId, decision: 'accept', expectedVersion: 1 });
    const suggestions = (await apiQuery(director, 'panel.suggestions', { caseId })) as { candidates: { userId: string; name: string }[] }[];
    const mediatorId = suggestions.flatMap((s) => s.candidates).find((p) => p.name === '李建国')!.userId;
    await mutate(director, 'panel.assign', { caseId, members: [{ userId: mediatorId, isLead: true }], expectedVersion: 2 });
    const { version } = await apiQuery(director, 'case.get', { caseId });
    await mutate(director, 'resolution.close', { caseId, outcome: 'resolved', reason: '物业公司同意退还', expectedVersion: version });

    const link = await newestRatingLink(petitioner, /请对本次服务作出评价/);
    expect(link).toMatch(/\/rate#[A-Za-z0-9_-]{32}$/);
    const stranger = await (await newContext(phoneViewport)).newPage();
    await stranger.goto(link);
    await stranger.getByText(/嘉善县.*案件 330421-\d{4}-\d{6}/).waitFor();
    // The token leaves the address bar once read; a reload still finds the form.
    expect(stranger.url()).not.toContain('#');
    await stranger.reload();
    await stranger.getByText(/嘉善县.*案件 330421-\d{4}-\d{6}/).waitFor();
    await stranger.getByText('不满意', { exact: true }).click();
    await stranger.getByRole('checkbox', { name: '效率' }).check();
    await stranger.getByLabel('意见建议（选填）').fill('窗口排队等了一个多小时');
    await screenshot(stranger, 'rating-link-phone');
    await stranger.getByRole('button', { name: '提交评价' }).click();
    await stranger.getByText('评价已提交，感谢您的评价。').waitFor();
    // The same link cannot be used twice (opened again from the text message).
    const again = await stranger.context().newPage();
    await again.goto(link);
    await again.getByText('该评价链接已使用过。每个链接只能使用一次。').waitFor();
  });

  it('the director sees it on the list, calls back, verifies and reports the rectification; the list clears', async () => {
    await director.goto(`${baseUrl}/ratings`);
    const item = director.getByRole('listitem').filter({ has: director.getByRole('link', { name: /330421-/ }) }).filter({ hasText: '待回访' }).first();
    expect(await item.textContent()).toContain('王大海');
    expect(await item.textContent()).toContain('记录回访：');
    await screenshot(director, 'director-ratings-list-laptop');
    await item.getByRole('link').click();
    await director.waitForURL(`**/cases/${caseId}`);
    const ratings = director.getByRole('region', { name: '评价' });
    await ratings.getByText('评价人：王大海', { exact: false }).waitFor();

    const step = async (button: string, note: string) => {
      await ratings.getByRole('button', { name: button }).click();
      await director.getByRole('dialog').getByRole('textbox').fill(note);
      await director.getByRole('dialog').getByRole('button', { name: button }).click();
      await expect.poll(() => ratings.getByRole('button', { name: button }).count(), { timeout: 15_000 }).toBe(0);
    };
    await step('记录回访', '电话联系王大海，了解到当天叫号系统故障');
    await step('核实情况', '叫号系统故障属实');
    await step('反馈整改结果', '已修复叫号系统，并增设一个综合窗口');
    await ratings.getByText('已反馈', { exact: true }).waitFor();
    await screenshot(director, 'director-rectification-reported-laptop');

    await director.goto(`${baseUrl}/ratings`);
    await director.getByText('没有待处理的差评。').waitFor();
  });

  it('the petitioner re-rates 满意 from the follow-up link; the case shows it', async () => {
    const link = await newestRatingLink(petitioner, /可在此追评一次/);
    const stranger = await (await newContext(phoneViewport)).newPage();
    await stranger.goto(link);
    await stranger.getByText(/请对整改结果追评/).waitFor();
    await stranger.getByText('满意', { exact: true }).click();
    await stranger.getByRole('button', { name: '提交评价' }).click();
    await stranger.getByText('评价已提交，感谢您的评价。').waitFor();

    await petitioner.goto(`${baseUrl}/cases/${caseId}`);
    const mine = petitioner.getByRole('region', { name: '服务评价' });
    await mine.getByText('已修复叫号系统', { exact: false }).waitFor();
    expect(await mine.getByText('追评（一事一评）：', { exact: false }).count()).toBe(1);
    await screenshot(petitioner, 'petitioner-ratings-phone');
    await director.goto(`${baseUrl}/ratings`);
    await director.getByText('没有待处理的差评。').waitFor();
  });

  it('the director records the follow-up visit planned 30 days after closure', async () => {
    await director.goto(`${baseUrl}/cases/${caseId}`);
    const visits = director.getByRole('region', { name: '回访' });
    await visits.getByText('结案后回访').waitFor();
    await visits.getByRole('button', { name: '记录回访' }).click();
    const dialog = director.getByRole('dialog');
    await dialog.getByLabel('协议履行情况').selectOption('yes');
    await dialog.getByLabel('采取的措施').fill('物业费已退还，双方无新的矛盾');
    await dialog.getByRole('button', { name: '记录回访' }).click();
    await visits.getByText(/已回访/).waitFor();
    expect(await visits.textContent()).toContain('物业费已退还');
    await screenshot(director, 'director-follow-up-laptop');
  });
});
