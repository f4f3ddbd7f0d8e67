import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, cases, centers } from '../../db/schema';
import { monthOf } from '../../server/domain/kpis';
import { dashboardExportResponse } from '../../server/http';
import { createContext } from '../../server/trpc';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, submitNew, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let qingpuId: string;
const month = monthOf(new Date());
const xitang = '330421102';
const weitang = '330421002';
let respondentNo = 0;
/** A petition against its own respondent, so no other rule (a wave, a repeat) joins in. */
const petition = (overrides: Record<string, unknown> = {}) =>
  wagePetition(centerId, { respondent: { kind: 'organization', name: `乡镇测试公司${++respondentNo}` }, title: `乡镇事项${respondentNo}`, description: `情况${respondentNo}`, ...overrides });
const caseCount = async () => Number((await handle.db.select({ n: count() }).from(cases))[0]!.n);
const wrongTownship = { townshipCode: '请从本中心辖区的乡镇（街道）中选择' };

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  [{ id: qingpuId }] = (await handle.db.select({ id: centers.id }).from(centers).where(eq(centers.regionCode, '310118'))) as [{ id: string }];
});
afterAll(() => handle.close());

describe('townships at intake', () => {
  it('lists each center’s own townships, in order', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const jiashan = await petitioner.petition.townships({ centerId });
    expect(jiashan.map((t) => t.name)).toEqual(['罗星街道', '魏塘街道', '惠民街道', '大云镇', '西塘镇', '干窑镇', '陶庄镇', '姚庄镇', '天凝镇']);
    expect(jiashan.every((t) => /^330421\d{3}$/.test(t.code))).toBe(true);
    const qingpu = await petitioner.petition.townships({ centerId: qingpuId });
    expect(qingpu.every((t) => t.code.startsWith('310118'))).toBe(true);
    expect(qingpu.length).toBeGreaterThan(3);
  });

  it('the petitioner’s form: a township of the center is stored and shown, none (不清楚) too', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const placed = await submitNew(petitioner, petition({ townshipCode: xitang }));
    expect((await petitioner.case.get({ caseId: placed.id })).townshipName).toBe('西塘镇');
    const unknown = await submitNew(petitioner, petition({ townshipCode: '' }));
    expect((await petitioner.case.get({ caseId: unknown.id })).townshipName).toBeNull();
  });

  it('the petitioner’s form: another center’s township, an unknown or a malformed code is a field error and nothing is stored', async () => {
    const before = await caseCount();
    for (const townshipCode of ['310118001', '330421999', '33042', 'x'.repeat(9)]) {
      const r = await httpCall(handle.db, '13800000001', 'petition.submit', petition({ townshipCode }), { method: 'POST' });
      expect(r.status).toBe(400);
      expect(r.body.error?.json.data.fieldErrors).toEqual(wrongTownship);
    }
    expect(await caseCount()).toBe(before);
  });

  it('the clerk’s form: the same, in English too', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const placed = await clerk.intake.register({ ...petition({ townshipCode: weitang }), channel: 'walk_in' });
    expect((await clerk.case.get({ caseId: placed.id })).townshipName).toBe('魏塘街道');
    const before = await caseCount();
    for (const townshipCode of ['310118001', '330421999']) {
      const r = await httpCall(handle.db, 'clerk', 'intake.register', { ...petition({ townshipCode }), channel: 'walk_in' }, { method: 'POST' });
      expect(r.body.error?.json.data.fieldErrors).toEqual(wrongTownship);
    }
    const english = await httpCall(handle.db, 'clerk', 'intake.register', { ...petition({ townshipCode: '310118001' }), channel: 'hotline' }, { method: 'POST', locale: 'en' });
    expect(english.body.error?.json.data.fieldErrors).toEqual({ townshipCode: 'Choose one of this center’s townships' });
    expect(await caseCount()).toBe(before);
  });
});

describe('the dashboard by township', () => {
  it('counts the month’s cases per township by name, those without one apart, and a row drills down to exactly its cases', async () => {
    const director = await callerAs(handle.db, 'director');
    const board = await director.dashboard.center({ month, by: 'township' });
    const rows = board.breakdown.rows.map((r) => [r.value, r.cases]);
    // Registered above: 1 in 西塘镇, 1 in 魏塘街道, 1 without.
    expect(rows).toEqual(expect.arrayContaining([['西塘镇', 1], ['魏塘街道', 1], ['none', 1]]));
    expect(rows).toHaveLength(3);
    const drilled = await director.dashboard.cases({ month, kpi: 'repeat_rate', side: 'denominator', by: 'township', value: '西塘镇' });
    const [inXitang] = await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.townshipCode, xitang));
    expect(drilled.cases.map((c) => c.id)).toEqual([inXitang!.id]);
  });

  it('exports the breakdown with the page’s labels; the audit keeps a township’s name only hashed', async () => {
    const user = await userByLogin(handle.db, 'director');
    const ctx = await createContext({ db: handle.db, claims: { userId: user.id, sessionVersion: user.sessionVersion }, locale: 'zh-CN' });
    const report = await dashboardExportResponse(ctx, new URL(`http://localhost/api/exports/dashboard?month=${month}&by=township`));
    const text = await report.text();
    expect(text).toContain('按乡镇（街道）');
    expect(text).toMatch(/\n西塘镇,1,/);
    expect(text).toMatch(/\n未填乡镇,1,/);
    const drill = await dashboardExportResponse(ctx, new URL(`http://localhost/api/exports/dashboard?table=cases&month=${month}&kpi=repeat_rate&side=denominator&by=township&value=${encodeURIComponent('西塘镇')}`));
    expect(drill.status).toBe(200);
    await drill.text();
    const audits = await handle.db.select({ data: auditLog.data }).from(auditLog).where(eq(auditLog.action, 'export.generated'));
    expect(JSON.stringify(audits)).not.toContain('西塘镇');
    expect(audits.some((a) => (a.data as { params?: { valueSha256?: string } }).params?.valueSha256)).toBe(true);
  });
});

describe('the township spike warning', () => {
  it('is raised on real cases: yellow over its baseline, red at three times it, one category in one township only', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const director = await callerAs(handle.db, 'director');
    const register = (townshipCode: string, category = 'labor_wages') => clerk.intake.register({ ...petition({ townshipCode, category }), channel: 'walk_in' });
    const spikeOf = async () => (await director.warnings.mine()).find((w) => w.rule === 'township_spike' && w.subject === '西塘镇');
    // The 8 weeks before: 16 wage cases in 西塘镇, 2 a week on average, moved back in time.
    const earlier = await Promise.all(Array.from({ length: 16 }, () => register(xitang)));
    await Promise.all(
      earlier.map((c, i) => handle.db.update(cases).set({ registeredAt: new Date(Date.now() - (8 + i * 3.4) * 86_400_000) }).where(eq(cases.id, c.id))),
    );
    // This week: the one from the first test and 2 more make 3, under 2 × 2.
    await register(xitang);
    await register(xitang);
    // Neither another township nor another category adds to it.
    await register(weitang);
    await register(xitang, 'neighbours');
    expect(await spikeOf()).toBeUndefined();
    const fourth = await register(xitang);
    expect(await spikeOf()).toMatchObject({ level: 'yellow', spike: { category: 'labor_wages', recent: 4, baseline: 2 } });
    await register(xitang);
    const sixth = await register(xitang);
    const red = await spikeOf();
    expect(red).toMatchObject({ level: 'red', spike: { recent: 6, baseline: 2 } });
    expect(red!.cases.map((c) => c.id)).toEqual(expect.arrayContaining([fourth.id, sixth.id]));
    expect(red!.cases.map((c) => c.id)).not.toEqual(expect.arrayContaining([earlier[0]!.id]));
    // The dashboard lists it as well; the director's own thresholds move it back to yellow.
    expect((await director.dashboard.center({ month })).warnings.some((w) => w.rule === 'township_spike' && w.level === 'red')).toBe(true);
    await director.warnings.setRule({ rule: 'township_spike', enabled: true, thresholds: { yellow: 3, red: 7, yellowTimes: 2, redTimes: 3 }, ownerId: null });
    expect((await spikeOf())?.level).toBe('yellow');
  });

  it('refuses red multiples below yellow ones, field by field', async () => {
    const r = await httpCall(
      handle.db,
      'director',
      'warnings.setRule',
      { rule: 'township_spike', enabled: true, thresholds: { yellow: 3, red: 5, yellowTimes: 3, redTimes: 2 }, ownerId: null },
      { method: 'POST' },
    );
    expect(r.body.error?.json.data.fieldErrors).toEqual({ 'thresholds.redTimes': '红色阈值不能低于黄色阈值' });
  });
});
