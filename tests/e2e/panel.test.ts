import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/demo';
import { apiMutation as mutate, apiQuery, laptopViewport, phoneViewport, screenshot, signIn, sharedBrowser } from './server';

const baseUrl = inject('baseUrl');
const { newContext } = sharedBrowser();

async function as(login: string, landing: string, viewport = laptopViewport): Promise<Page> {
  return signIn(await newContext(viewport), baseUrl, login, demoPassword, landing);
}

describe('the joint panel on one shared timeline', () => {
  it('the director forms the panel; the mediator’s panel entry appears for the labor official without reload, never for the petitioner', async () => {
    const petitioner = await as('13800000001', '/my', phoneViewport);
    const centers = (await apiQuery(petitioner, 'petition.centers')) as { id: string; regionCode: string }[];
    const suffix = Date.now();
    const created = await mutate(petitioner, 'petition.submit', {
      centerId: centers.find((c) => c.regionCode === '330421')!.id,
      category: 'labor_wages',
      title: `装修公司拖欠工资 ${suffix}`,
      description: '装修公司拖欠我两个月工资。',
      request: '支付工资',
      respondent: { kind: 'organization', name: `装修公司${suffix}` },
      applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
      evidenceIds: [],
      idempotencyKey: `panel-e2e-${suffix}`,
    });
    const caseUrl = `${baseUrl}/cases/${created.id}`;
    const clerk = await as('clerk', '/intake');
    await mutate(clerk, 'intake.decide', { caseId: created.id, decision: 'accept', expectedVersion: 1 });

    const director = await as('director', '/dashboard');
    await director.goto(caseUrl);
    await director.getByRole('heading', { name: '组建调处小组' }).waitFor();
    // The routing rules' suggestions, each with the person's open-case load; the first of each role is preselected.
    await director.getByText(/在办 \d+ 件/).first().waitFor();
    expect(await director.getByRole('checkbox', { name: /李建国/ }).isChecked()).toBe(true);
    await screenshot(director, 'director-panel-picker-laptop');
    await director.getByRole('button', { name: '保存调处小组' }).click();
    await expect.poll(() => director.getByText('调解中', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => director.getByText('沈志华 将 李建国（人民调解员）加入调处小组并担任牵头人').count()).toBe(1);

    const mediator = await as('mediator', '/cases');
    expect(await mediator.getByRole('link', { name: new RegExp(`装修公司拖欠工资 ${suffix}`) }).count()).toBe(1);
    await mediator.goto(caseUrl);
    const labor = await as('labor', '/cases');
    await labor.goto(caseUrl);
    await petitioner.goto(caseUrl);
    // Let each page open its live connection.
    await new Promise((r) => setTimeout(r, 1500));

    const panelNote = `小组意见：证据需补充考勤 ${suffix}`;
    await mediator.getByLabel('记录内容').fill(panelNote);
    await mediator.getByRole('combobox', { name: '谁能看到' }).click();
    await mediator.getByRole('option', { name: '小组和中心工作人员可见' }).click();
    await mediator.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => labor.getByText(panelNote).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(labor, 'labor-sees-live-entry-laptop');

    const publicNote = `通知：下周二上午调解 ${suffix}`;
    await mediator.getByLabel('记录内容').fill(publicNote);
    await mediator.getByRole('combobox', { name: '谁能看到' }).click();
    await mediator.getByRole('option', { name: '所有当事人可见' }).click();
    await mediator.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => petitioner.getByText(publicNote).count(), { timeout: 15_000 }).toBe(1);
    expect(await petitioner.getByText(panelNote).count()).toBe(0);
    await screenshot(petitioner, 'petitioner-live-timeline-phone');
  });
});
