import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, caseClocks, centers, notifications } from '../../db/schema';
import { centerWarnings } from '../../server/services/early-warnings';
import { runWarningSweep } from '../../server/services/warning-sweep';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let petitioner: Awaited<ReturnType<typeof callerAs>>;
let serial = 0;

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  petitioner = await callerAs(handle.db, '13800000001');
});
afterAll(() => handle.close());

/** A new case against this respondent, each in words of its own so it is not taken for a repeat. */
async function caseAgainst(name: string, options: { center?: string; creditCode?: string } = {}) {
  serial++;
  return submitNew(
    petitioner,
    wagePetition(options.center ?? centerId, {
      title: `第${serial}批讨薪：${['仓库', '门店', '车队', '食堂', '工地'][serial % 5]}${serial}`,
      description: `${serial} 号事项，${'甲乙丙丁戊己庚辛'.slice(0, serial % 8)}拖欠劳务费 ${serial * 1000} 元。`,
      respondent: { kind: 'organization', name, ...(options.creditCode ? { creditCode: options.creditCode } : {}) },
    }),
  );
}

const auditRows = (action: string) => handle.db.select().from(auditLog).where(and(eq(auditLog.action, action)));
const setRule = (login: string, input: unknown) => httpCall(handle.db, login, 'warnings.setRule', input, { method: 'POST' });

describe('a center’s warning rules', () => {
  it('start at the defaults, with the directors owning every rule', async () => {
    const view = await (await callerAs(handle.db, 'director')).warnings.settings();
    expect(view.rules.find((r) => r.rule === 'respondent_wave')).toMatchObject({ enabled: true, thresholds: { yellow: 3, red: 5, redPeople: 30 }, owner: null });
    expect(view.rules.find((r) => r.rule === 'escalation')!.fields).toEqual([]);
    // Owners to choose from: the center's staff, not its admin, nor another center's clerk.
    const logins = view.staff.map((s) => s.name);
    expect(logins).toContain((await userByLogin(handle.db, 'mediator')).displayName);
    expect(logins).not.toContain((await userByLogin(handle.db, 'admin')).displayName);
    expect(logins).not.toContain((await userByLogin(handle.db, 'clerk2')).displayName);
  });

  it('are changed by the director of the center, audited; invalid thresholds and owners refused in words', async () => {
    const mediator = await userByLogin(handle.db, 'mediator');
    const valid = { rule: 'respondent_wave', enabled: true, thresholds: { yellow: 2, red: 3, redPeople: 30 }, ownerId: mediator.id };
    const fieldError = async (input: unknown) => (await setRule('director', input)).body.error?.json.data.fieldErrors;
    expect(await fieldError({ ...valid, thresholds: { yellow: 4, red: 3, redPeople: 30 } })).toEqual({ 'thresholds.red': '红色阈值不能低于黄色阈值' });
    expect(await fieldError({ ...valid, thresholds: { yellow: 2.5, red: 3, redPeople: 30 } })).toEqual({ 'thresholds.yellow': '请输入整数' });
    expect(await fieldError({ ...valid, thresholds: { yellow: -1, red: 3, redPeople: 30 } })).toEqual({ 'thresholds.yellow': '不能为负数' });
    expect(await fieldError({ ...valid, thresholds: { yellow: 0, red: 3, redPeople: 30 } })).toEqual({ 'thresholds.yellow': '至少为 1' });
    const otherCenter = await userByLogin(handle.db, 'clerk2');
    expect(await fieldError({ ...valid, ownerId: otherCenter.id })).toEqual({ ownerId: '负责人须为本中心在职工作人员' });
    const english = await httpCall(handle.db, 'director', 'warnings.setRule', { ...valid, thresholds: { yellow: 4, red: 3, redPeople: 30 } }, { method: 'POST', locale: 'en' });
    expect(english.body.error?.json.data.fieldErrors).toEqual({ 'thresholds.red': 'The red threshold must not be below the yellow one' });
    expect(await auditRows('warning_setting.set')).toEqual([]);

    for (const login of ['supervisor', 'clerk', 'mediator', '13800000001', 'clerk2']) {
      expect([login, (await setRule(login, valid)).status]).toEqual([login, 403]);
    }
    expect((await setRule('director', valid)).status).toBe(200);
    const [audit] = await auditRows('warning_setting.set');
    expect(audit).toMatchObject({ centerId, data: { rule: 'respondent_wave', enabled: true, thresholds: { yellow: 2, red: 3, redPeople: 30 }, ownerId: mediator.id } });
    const view = await (await callerAs(handle.db, 'director')).warnings.settings();
    expect(view.rules.find((r) => r.rule === 'respondent_wave')).toMatchObject({ thresholds: { yellow: 2, red: 3, redPeople: 30 }, owner: { id: mediator.id, name: mediator.displayName } });
  });
});

describe('a warning’s owner', () => {
  const company = '预警签收测试公司';
  const wave = async (login = 'director') => (await (await callerAs(handle.db, login)).warnings.mine()).find((w) => w.rule === 'respondent_wave' && w.subject === company);

  it('is shown with it, acknowledges it (once per level, audited), and is told when it turns red, once', async () => {
    await caseAgainst(company);
    expect(await wave()).toBeUndefined();
    await caseAgainst(company);
    // Two cases: yellow at this center's threshold, owned by the mediator.
    const mediator = await userByLogin(handle.db, 'mediator');
    const yellow = (await wave('mediator'))!;
    expect(yellow).toMatchObject({ level: 'yellow', owner: { id: mediator.id }, acknowledgement: null });
    expect(await wave('clerk')).toBeUndefined();
    const board = await (await callerAs(handle.db, 'director')).dashboard.center({ month: new Date().toISOString().slice(0, 7) });
    expect(board.warnings.find((w) => w.ref === yellow.ref)!.owner).toEqual({ id: mediator.id, name: mediator.displayName });

    // Another staff member may not; the owner may, at the level they saw.
    expect((await refusal((await callerAs(handle.db, 'clerk')).warnings.acknowledge({ ref: yellow.ref, level: 'yellow' }))).code).toBe('FORBIDDEN');
    const owner = await callerAs(handle.db, 'mediator');
    expect((await refusal(owner.warnings.acknowledge({ ref: yellow.ref, level: 'red' }))).message).toBe('warnings.levelChanged');
    await owner.warnings.acknowledge({ ref: yellow.ref, level: 'yellow' });
    expect((await refusal(owner.warnings.acknowledge({ ref: yellow.ref, level: 'yellow' }))).message).toBe('warnings.alreadyAcknowledged');
    expect((await wave('mediator'))!.acknowledgement).toMatchObject({ byName: mediator.displayName });
    const [acknowledged] = await auditRows('warning.acknowledged');
    expect(acknowledged).toMatchObject({ actorId: mediator.id, centerId, data: { rule: 'respondent_wave', ref: yellow.ref, level: 'yellow' } });
    // The owner records what was done, like a director.
    await owner.dashboard.disposeWarning({ ref: yellow.ref, disposition: '已约谈企业负责人' });
    expect((await wave('mediator'))!.disposition).toMatchObject({ text: '已约谈企业负责人', byName: mediator.displayName });

    // The third case: red, not yet acknowledged at red, and the owner is told by the sweep once.
    await caseAgainst(company);
    const red = (await wave('mediator'))!;
    expect(red).toMatchObject({ level: 'red', acknowledgement: null, disposition: null });
    const told = () =>
      handle.db
        .select({ body: notifications.body })
        .from(notifications)
        .where(and(eq(notifications.userId, mediator.id), sql`${notifications.body}->>'key' = 'warnings.redNotice.respondent_wave'`));
    expect(await told()).toEqual([]);
    expect((await runWarningSweep(handle.db)).sent).toBeGreaterThan(0);
    await runWarningSweep(handle.db);
    expect((await told()).map((n) => n.body)).toEqual([{ key: 'warnings.redNotice.respondent_wave', values: { cases: 3 } }]);
    // The director, too, may acknowledge it.
    await (await callerAs(handle.db, 'director')).warnings.acknowledge({ ref: red.ref, level: 'red' });
    expect((await wave('mediator'))!.acknowledgement).toMatchObject({ byName: '沈志华' });
  });
});

describe('the clock rule', () => {
  it('warns yellow with 3 days left and red once overdue, one warning per running clock', async () => {
    const created = await caseAgainst('时限预警测试公司');
    const [clock] = await handle.db.select({ id: caseClocks.id, dueAt: caseClocks.dueAt }).from(caseClocks).where(and(eq(caseClocks.caseId, created.id), eq(caseClocks.state, 'running')));
    const at = (days: number) => new Date(clock!.dueAt!.getTime() + days * 86_400_000);
    const about = async (now: Date) => (await centerWarnings(handle.db, centerId, now)).find((w) => w.rule === 'clock' && w.cases[0]!.id === created.id);
    expect(await about(at(-5))).toBeUndefined();
    expect(await about(at(-3))).toMatchObject({ level: 'yellow', clock: { kind: 'acceptance', daysLeft: 3 }, cases: [{ caseNumber: created.caseNumber }] });
    expect(await about(at(1))).toMatchObject({ level: 'red', clock: { kind: 'acceptance', daysLeft: -1 } });
  });
});

describe('the region’s warning across centers', () => {
  const creditCode = '91330421MA2B3C4D5K';

  it('shows the supervisor the centers and counts, the cases only when opened (audited per center)', async () => {
    const [pinghu] = await handle.db.insert(centers).values({ name: '平湖市社会治理综合服务中心', regionCode: '330482', parentRegionCode: '330400' }).returning({ id: centers.id });
    const supervisor = await callerAs(handle.db, 'supervisor');
    await caseAgainst('跨区公司', { creditCode });
    await caseAgainst('跨区公司嘉善分部', { creditCode });
    expect(await supervisor.warnings.region()).toEqual([]);
    const there = await caseAgainst('跨区公司', { creditCode, center: pinghu!.id });

    const [found] = await supervisor.warnings.region();
    expect(found).toMatchObject({ cases: 3, centers: [{ centerId, cases: 2 }, { centerId: pinghu!.id, cases: 1, name: '平湖市社会治理综合服务中心' }] });
    // Counts only: neither the code nor the respondent's name is in the list.
    expect(JSON.stringify(found)).not.toContain(creditCode);
    expect(JSON.stringify(found)).not.toContain('跨区公司');
    expect(found!.ref).toMatch(/^[0-9a-f]{64}$/);
    expect(await auditRows('warning.region_opened')).toEqual([]);

    const opened = await supervisor.warnings.openRegion({ ref: found!.ref });
    expect(opened.cases).toHaveLength(3);
    expect(opened.cases.map((c) => c.id)).toContain(there.id);
    const audits = await auditRows('warning.region_opened');
    expect(audits.map((a) => [a.centerId, (a.data as { caseIds: string[] }).caseIds.length]).sort()).toEqual([[centerId, 2], [pinghu!.id, 1]].sort());

    // A supervisor of another region, or a made-up reference, finds nothing.
    const admin = await userByLogin(handle.db, 'admin');
    const { users } = await import('../../db/schema');
    await handle.db.insert(users).values({ role: 'supervisor', username: 'supervisor-sh', displayName: '上海督导', passwordHash: admin.passwordHash, regionCode: '310100' });
    const elsewhere = await callerAs(handle.db, 'supervisor-sh');
    expect(await elsewhere.warnings.region()).toEqual([]);
    expect((await refusal(elsewhere.warnings.openRegion({ ref: found!.ref }))).code).toBe('NOT_FOUND');
    expect((await refusal(supervisor.warnings.openRegion({ ref: '0'.repeat(64) }))).code).toBe('NOT_FOUND');
  });
});

describe('the repeat rule after 复核', () => {
  it('turns the same person and matter red at the second time once that matter went through 复核', async () => {
    const first = await caseAgainst('嘉善县复核测试厂');
    await caseAgainst('嘉善县复核测试厂');
    const repeatLevel = async () => (await centerWarnings(handle.db, centerId, new Date())).find((w) => w.rule === 'repeat' && w.subject === '嘉善县复核测试厂')?.level;
    expect(await repeatLevel()).toBe('yellow');
    // The matter's earlier reply went up to the last instance (recorded directly: the rule is under test).
    await handle.db.execute(sql`insert into review_requests (center_id, case_id, level, body, requested_on) values (${centerId}, ${first.id}, 're_review', '浙江省信访局', current_date)`);
    expect(await repeatLevel()).toBe('red');
  });
});
