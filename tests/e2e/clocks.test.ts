import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { fillPetition } from './petition-form';
import { apiMutation as mutate, apiQuery, laptopViewport, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();

async function as(login: string, landing: string, viewport = laptopViewport): Promise<Page> {
  return signIn(await newContext(viewport), baseUrl, login, demoPassword, landing);
}

const day = 86_400_000;
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const beijingDate = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * A receipt date 15 days before the first day of a statutory holiday, within the past year
 * (a clerk may date a letter back at most a year): its acceptance deadline must roll over.
 */
function letterBeforeHoliday(): string {
  const holidayStarts = ['2027-10-01', '2027-09-15', '2027-06-09', '2027-05-01', '2027-04-05', '2027-02-05', '2027-01-01', '2026-10-01', '2026-09-25', '2026-06-19', '2026-05-01', '2026-04-04', '2026-02-15', '2026-01-01', '2025-10-01'];
  const today = beijingDate(Date.now());
  const yearAgo = beijingDate(Date.now() - 360 * day);
  for (const h of holidayStarts) {
    const received = beijingDate(Date.parse(`${h}T12:00:00+08:00`) - 15 * day);
    if (received <= today && received >= yearAgo) return received;
  }
  throw new Error('no shipped holiday within the past year: extend the list with the new notice');
}

describe('legal clocks in the browser', () => {
  it('a letter received before a holiday shows its rolled-over acceptance deadline, with how it was computed', async () => {
    const receivedOn = letterBeforeHoliday();
    const page = await as('clerk', '/intake');
    await page.goto(`${baseUrl}/intake/new`);
    await page.getByRole('combobox', { name: '来源渠道' }).click();
    await page.getByRole('option', { name: '来信' }).click();
    await page.getByLabel('收到日期').fill(receivedOn);
    const preview = page.getByText(/^受理期限：截止 .+ 24:00$/);
    await preview.waitFor();
    await page.getByText('怎么算的').first().click();
    await page.getByText(/该日为法定节假日（.+），顺延至其后第一个工作日/).first().waitFor();
    await screenshot(page, 'clerk-letter-deadline-preview-laptop');

    const suffix = Date.now();
    await fillPetition(page, {
      category: '邻里纠纷',
      title: `来信反映邻居占用通道 ${suffix}`,
      description: '邻居长期在公共通道堆放杂物，影响通行。',
      request: '清理公共通道',
      respondent: `邻居${suffix}`,
    });
    await page.locator('[id="applicants.0.name"]').fill('张建军');
    await page.locator('[id="applicants.0.phone"]').fill(`136${String(suffix).slice(-8)}`);
    await page.getByRole('button', { name: '提交' }).click();
    // The clerk lands on the receipt, whose deadline is the same rolled-over date.
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/receipt$/);
    const receiptDeadline = (await page.locator('strong').first().textContent())!;
    const caseUrl = page.url().replace(/\/receipt$/, '');
    await page.goto(caseUrl);
    const clocks = page.getByRole('list', { name: '法定期限' });
    await clocks.waitFor();
    expect(await clocks.getByText('受理期限').count()).toBe(1);
    expect(await clocks.getByText(`${receiptDeadline} 24:00 前`).count()).toBe(1);
    await clocks.getByText('怎么算的').click();
    expect(await clocks.getByText(/顺延至其后第一个工作日/).count()).toBe(1);
    expect(await clocks.getByText('自次日起计 15 日（《信访工作条例》第二十二条）').count()).toBe(1);
    expect(await page.getByText('王敏 为 张建军 登记了申请（来信）').count()).toBe(1);
    await screenshot(page, 'clerk-letter-case-laptop');
  });

  it('the petitioner’s inbox shows a session notice with the case number, time and room, in Chinese', async () => {
    const petitioner = await as('13800000001', '/my', phoneViewport);
    const centers = (await apiQuery(petitioner, 'petition.centers')) as { id: string; regionCode: string }[];
    const suffix = Date.now();
    const created = await mutate(petitioner, 'petition.submit', {
      centerId: centers.find((c) => c.regionCode === '330421')!.id,
      category: 'neighbours',
      title: `楼道堆物 ${suffix}`,
      description: '邻居在楼道堆放杂物。',
      request: '清理楼道',
      respondent: { kind: 'person', name: `邻居${suffix}` },
      applicants: [{ name: '王大海', phone: '13800000001' }],
      evidenceIds: [],
      idempotencyKey: `session-notice-${suffix}`,
    });
    const director = await as('director', '/dashboard');
    await mutate(director, 'intake.decide', { caseId: created.id, decision: 'accept', expectedVersion: 1 });
    const staff = (await apiQuery(director, 'panel.suggestions', { caseId: created.id })) as { candidates: { userId: string; name: string }[] }[];
    const mediatorId = staff[0]!.candidates.find((c) => c.name === '李建国')!.userId;
    await mutate(director, 'panel.assign', { caseId: created.id, members: [{ userId: mediatorId, isLead: true }], expectedVersion: 2 });
    const view = (await apiQuery(director, 'case.get', { caseId: created.id })) as { parties: { id: string; role: string }[] };
    // A day of its own, so a rerun against a long-lived app does not clash with an earlier booking.
    const startsAt = new Date(`${beijingDate(Date.now() + (7 + (suffix % 300)) * day)}T14:00:00+08:00`);
    const room = `第${String(suffix).slice(-2)}调解室`;
    await mutate(director, 'case.scheduleSession', {
      caseId: created.id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      room,
      memberIds: [mediatorId],
      partyIds: view.parties.filter((p) => p.role === 'applicant').map((p) => p.id),
    });

    await petitioner.goto(`${baseUrl}/inbox`);
    const time = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(startsAt);
    const notice = petitioner.getByRole('link', { name: `案件 ${created.caseNumber}：沈志华 安排了调解会：${time}（地点：${room}）` });
    await notice.waitFor();
    await screenshot(petitioner, 'petitioner-inbox-session-phone');
    await notice.click();
    await petitioner.waitForURL(`${baseUrl}/cases/${created.id}`);

    // The case opens on what comes next: the session, and the documents the panel asks for.
    const next = petitioner.getByRole('region', { name: '下一步' });
    await next.waitFor();
    expect(await next.textContent()).toContain(room);
    expect(await next.textContent()).toContain('现场照片或视频');
    await screenshot(petitioner, 'petitioner-next-step-phone');
    // The petitioner answers a checklist item with a photo from the phone.
    const item = petitioner.getByRole('listitem').filter({ hasText: '现场照片或视频' });
    await item.locator('input[type="file"]').setInputFiles({ name: '楼道.png', mimeType: 'image/png', buffer: photo });
    await item.getByText('已提供').waitFor();
    await expect.poll(() => next.textContent(), { timeout: 15_000 }).not.toContain('现场照片或视频');
  });
});
