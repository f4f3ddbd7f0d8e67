import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { smsOutbox } from '../../db/schema';
import { resolveCaseAccess } from '../../server/auth/policy';
import { addDays, localDateOf } from '../../server/domain/calendar';
import { extendClock, pauseClock, resumeClock } from '../../server/services/clock-actions';
import { userContext } from '../../server/services/context';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, timelineOf, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let respondentNo = 0;
const petition = (overrides: Record<string, unknown> = {}) =>
  wagePetition(centerId, { respondent: { kind: 'person', name: `期限测试对方${++respondentNo}` }, title: `期限事项${respondentNo}`, ...overrides });
const today = () => localDateOf(new Date());

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

/** A case accepted on a track, and its version after the decision. */
async function accepted(track: 'petition' | 'people_mediation' | 'labor_mediation' | 'delegated_mediation' | 'consultation') {
  const created = await submitNew(await callerAs(handle.db, '13800000001'), petition());
  await (await callerAs(handle.db, 'clerk')).intake.decide({ caseId: created.id, decision: 'accept', track, expectedVersion: 1 });
  return { ...created, version: 2 };
}

describe('clock.preview on the shipped calendar', () => {
  it('rolls a letter received on 2025-09-16 over National Day to 2025-10-09, explaining why', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const zh = await clerk.clock.preview({ start: '2025-09-16T10:00:00+08:00', days: 15, unit: 'calendar' });
    expect(zh.dueAt).toBe('2025-10-09T15:59:59.999Z');
    expect(zh.steps).toEqual([
      '起算日 2025年9月16日（当日不计入）',
      '自次日起计 15 日',
      '期间最后一日为 2025年10月1日',
      '该日为法定节假日（国庆节、中秋节），顺延至其后第一个工作日 2025年10月9日（《民法典》第二百零三条）',
      '截止 2025年10月9日 24:00',
    ]);
    const en = await callerAs(handle.db, 'clerk', 'en');
    expect((await en.clock.preview({ start: '2025-09-16T10:00:00+08:00', days: 15, unit: 'calendar' })).steps.at(-1)).toBe('Due by the end of October 9, 2025 (24:00)');
  });

  it('counts working days with the adjusted Sunday of 2025-09-28', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    expect((await clerk.clock.preview({ start: '2025-09-26T09:00:00+08:00', days: 3, unit: 'working' })).dueAt).toBe('2025-09-30T15:59:59.999Z');
  });

  it('refuses malformed input with per-field messages', async () => {
    const bad = await httpCall(handle.db, 'clerk', 'clock.preview', { start: 'yesterday', days: 0, unit: 'lunar' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.json.data.fieldErrors!).sort()).toEqual(['days', 'start', 'unit']);
  });
});

describe('a letter’s acceptance clock runs from the day it was received', () => {
  it('starts at the receipt date the clerk enters, not at registration', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const receivedOn = addDays(today(), -20);
    const created = await clerk.intake.register({ ...petition({ applicants: [{ name: '来信人', phone: '13611112222' }] }), channel: 'letter', receivedOn });
    if (created.kind !== 'registered') throw new Error('expected a new case');
    const view = await clerk.case.get({ caseId: created.id });
    expect(localDateOf(view.receivedAt)).toBe(receivedOn);
    const acceptance = view.clocks.find((c) => c.kind === 'acceptance')!;
    expect(acceptance.urgency).toBe('overdue');
    expect(acceptance.explanation[0]).toContain('（当日不计入）');
    expect(acceptance.explanation[1]).toBe('自次日起计 15 日（《信访工作条例》第二十二条）');
    // The receipt by SMS tells the applicant the case number, the tracking code and the deadline.
    const [receipt] = await handle.db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13611112222'));
    expect(receipt!.body).toContain(created.caseNumber);
    expect(receipt!.body).toContain(created.trackingCode);
    // The timeline says who registered it for whom, and when it was received.
    const [registered] = await timelineOf(clerk, created.id);
    expect(registered!.title).toBe('王敏 为 来信人 登记了申请（来信）');
    expect(registered!.details[0]).toMatch(/^收到日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('refuses a receipt date in the future or more than a year back, and keeps nothing', async () => {
    for (const receivedOn of [addDays(today(), 1), addDays(today(), -400)]) {
      const res = await httpCall(handle.db, 'clerk', 'intake.register', { ...petition(), channel: 'letter', receivedOn }, { method: 'POST' });
      expect(res.status).toBe(400);
      expect(res.body.error?.json.data.fieldErrors).toEqual({ receivedOn: '收到日期须为今天或此前 365 天以内' });
    }
  });
});

describe('each track has its own clocks, chosen at acceptance', () => {
  it('gives a petition 60 days from acceptance, a labor mediation 15 days from receipt, a consultation none', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const explain = async (caseId: string) => (await clerk.case.get({ caseId })).clocks.map((c) => [c.kind, c.explanation[1]]);
    expect(await explain((await accepted('petition')).id)).toEqual([['handling', '自次日起计 60 日（《信访工作条例》第三十五条）']]);
    expect(await explain((await accepted('labor_mediation')).id)).toEqual([['handling', '自次日起计 15 日（《劳动争议调解仲裁法》第十四条）']]);
    expect(await explain((await accepted('people_mediation')).id)).toEqual([['handling', '自次日起计 30 日（《人民调解工作若干规定》第三十三条）']]);
    expect(await explain((await accepted('consultation')).id)).toEqual([]);
  });

  it('lets the director change the track with a reason, which restarts the handling clock by the new rule', async () => {
    const c = await accepted('labor_mediation');
    const clerkRefused = await refusal((await callerAs(handle.db, 'clerk')).case.changeTrack({ caseId: c.id, track: 'petition', reason: '涉及行政机关', expectedVersion: c.version }));
    expect(clerkRefused.code).toBe('FORBIDDEN');
    const director = await callerAs(handle.db, 'director');
    await director.case.changeTrack({ caseId: c.id, track: 'petition', reason: '涉及行政机关', expectedVersion: c.version });
    const view = await director.case.get({ caseId: c.id });
    expect(view.track).toBe('petition');
    expect(view.clocks.map((k) => k.explanation[1])).toEqual(['自次日起计 60 日（《信访工作条例》第三十五条）']);
    expect((await timelineOf(await callerAs(handle.db, '13800000001'), c.id)).at(-1)).toMatchObject({ title: '沈志华 将案件类型改为信访事项', details: ['理由：涉及行政机关'] });
  });

  it('uses a center’s own length of a clock for clocks started afterwards', async () => {
    const admin = await callerAs(handle.db, 'admin');
    await admin.admin.setClockPolicy({ key: 'handling:people_mediation', days: 45, unit: 'calendar' });
    const c = await accepted('people_mediation');
    expect((await (await callerAs(handle.db, 'clerk')).case.get({ caseId: c.id })).clocks[0]!.explanation[1]).toBe('自次日起计 45 日（《人民调解工作若干规定》第三十三条）');
    await admin.admin.setClockPolicy({ key: 'handling:people_mediation', days: null, unit: 'calendar' });
    expect((await admin.admin.clockPolicies()).find((p) => p.key === 'handling:people_mediation')).toMatchObject({ days: null, defaultDays: 30 });
  });
});

describe('extensions', () => {
  it('extends a petition once, by the director, by at most 30 days, with a notice to the petitioner', async () => {
    const c = await accepted('petition');
    const director = await callerAs(handle.db, 'director');
    const before = (await director.case.get({ caseId: c.id })).clocks[0]!.dueAt!;
    const tooLong = await httpCall(handle.db, 'director', 'case.extendClock', { caseId: c.id, clock: 'handling', days: 31, reason: '复杂', expectedVersion: c.version }, { method: 'POST' });
    expect(tooLong.body.error?.json.message).toBe('延长不得超过 30 日');
    await director.case.extendClock({ caseId: c.id, clock: 'handling', days: 30, reason: '需调取外地证据', expectedVersion: c.version });
    const after = (await director.case.get({ caseId: c.id })).clocks[0]!;
    expect(after.explanation).toContain('延长 30 日');
    expect(after.dueAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() + 30 * 86_400_000 - 3 * 86_400_000);
    // Told by inbox and SMS, and a written notice to print.
    const petitioner = await callerAs(handle.db, '13800000001');
    expect((await petitioner.inbox.list())[0]!.text).toMatch(new RegExp(`^案件 ${c.caseNumber}：沈志华 将办理期限延长 30 日，至 .+（理由：需调取外地证据）$`));
    const notice = await petitioner.case.extensionNotice({ caseId: c.id });
    expect(notice).toMatchObject({ caseNumber: c.caseNumber, days: 30, reason: '需调取外地证据', applicants: ['王大海'], source: 'law.petitionHandling' });
    expect(notice.previousDueAt.toISOString()).toBe(before.toISOString());
    // Only once.
    const twice = await httpCall(handle.db, 'director', 'case.extendClock', { caseId: c.id, clock: 'handling', days: 5, reason: '再延', expectedVersion: c.version + 1 }, { method: 'POST' });
    expect(twice.body.error?.json.message).toBe('办理期限只能延长一次');
  });

  it('refuses an extension once the period has expired', async () => {
    const c = await accepted('petition');
    const director = await userByLogin(handle.db, 'director');
    const sessionUser = { id: director.id, role: director.role, centerId: director.centerId, organizationId: null, regionCode: null, displayName: director.displayName };
    const access = (await resolveCaseAccess(handle.db, sessionUser, c.id))!;
    const ninetyDaysOn = userContext(handle.db, sessionUser, () => new Date(Date.now() + 90 * 86_400_000));
    const late = await refusal(extendClock(ninetyDaysOn, access, { clock: 'handling', days: 10, reason: '迟了', expectedVersion: c.version }));
    expect(late.message).toBe('clock.extensionAfterDue');
  });

  it('extends a mediation only with the parties’ recorded consent', async () => {
    const c = await accepted('people_mediation');
    const director = await callerAs(handle.db, 'director');
    const without = await httpCall(handle.db, 'director', 'case.extendClock', { caseId: c.id, clock: 'handling', days: 20, reason: '继续调解', expectedVersion: c.version }, { method: 'POST' });
    expect(without.body.error?.json.message).toBe('延长调解期限须记录当事人的同意');
    const partyId = (await director.case.get({ caseId: c.id })).parties[0]!.id;
    await director.case.extendClock({ caseId: c.id, clock: 'handling', days: 20, reason: '继续调解', consent: { partyIds: [partyId], method: '当场签字' }, expectedVersion: c.version });
    const last = (await timelineOf(director, c.id)).at(-1)!;
    expect(last.details).toEqual(['理由：继续调解', '当事人同意：王大海（当场签字）']);
  });
});

describe('pauses', () => {
  it('stops the clock for a named reason; resuming adds the paused days', async () => {
    const c = await accepted('people_mediation');
    const director = await userByLogin(handle.db, 'director');
    const sessionUser = { id: director.id, role: director.role, centerId: director.centerId, organizationId: null, regionCode: null, displayName: director.displayName };
    const access = (await resolveCaseAccess(handle.db, sessionUser, c.id))!;
    const clerk = await callerAs(handle.db, 'clerk');
    const dueBefore = (await clerk.case.get({ caseId: c.id })).clocks[0]!.dueAt!;
    await pauseClock(userContext(handle.db, sessionUser), access, { clock: 'handling', reason: 'appraisal', note: '伤情鉴定', expectedVersion: c.version });
    const paused = (await clerk.case.get({ caseId: c.id })).clocks[0]!;
    expect(paused).toMatchObject({ state: 'paused', dueAt: null });
    expect(paused.explanation.at(-1)).toMatch(/^自 .+ 起因鉴定、评估中止计算$/);
    // Resumed ten days later, the clock is due ten calendar days later (or on the next workday).
    await resumeClock(userContext(handle.db, sessionUser, () => new Date(Date.now() + 10 * 86_400_000)), access, { clock: 'handling', expectedVersion: c.version + 1 });
    const resumed = (await clerk.case.get({ caseId: c.id })).clocks[0]!;
    expect(resumed.state).toBe('running');
    expect(resumed.explanation.some((s) => /因鉴定、评估中止，顺延 10 日$/.test(s))).toBe(true);
    expect(resumed.dueAt!.getTime()).toBeGreaterThanOrEqual(dueBefore.getTime() + 10 * 86_400_000 - 3 * 86_400_000);
    // Only the named reasons, only by the director or the lead.
    const clerkPause = await refusal(clerk.case.pauseClock({ caseId: c.id, clock: 'handling', reason: 'hearing', expectedVersion: c.version + 2 }));
    expect(clerkPause.code).toBe('FORBIDDEN');
    const badReason = await httpCall(handle.db, 'director', 'case.pauseClock', { caseId: c.id, clock: 'handling', reason: 'holiday', expectedVersion: c.version + 2 }, { method: 'POST' });
    expect(badReason.status).toBe(400);
  });
});

describe('the official calendar', () => {
  it('is edited by the admin, and warns when this year or next is missing or provisional', async () => {
    const admin = await callerAs(handle.db, 'admin');
    const coverage = await admin.admin.calendarCoverage();
    const thisYear = Number(today().slice(0, 4));
    expect(coverage.map((c) => c.year)).toEqual([thisYear, thisYear + 1]);
    // The shipped table: 2025 and 2026 from the notices, 2027 provisional, later years missing.
    const expected = (y: number) => (y <= 2026 ? 'confirmed' : y === 2027 ? 'provisional' : 'missing');
    expect(coverage.map((c) => c.coverage)).toEqual(coverage.map((c) => expected(c.year)));

    // A day added to the calendar moves a due date at once.
    const clerk = await callerAs(handle.db, 'clerk');
    const plain = await clerk.clock.preview({ start: '2026-03-01T10:00:00+08:00', days: 10, unit: 'calendar' });
    expect(plain.dueAt).toBe('2026-03-11T15:59:59.999Z');
    await admin.admin.setHoliday({ date: '2026-03-11', kind: 'holiday', name: '测试假日', source: '测试' });
    const moved = await clerk.clock.preview({ start: '2026-03-01T10:00:00+08:00', days: 10, unit: 'calendar' });
    expect(moved.dueAt).toBe('2026-03-12T15:59:59.999Z');
    expect(moved.steps).toContain('该日为法定节假日（测试假日），顺延至其后第一个工作日 2026年3月12日（《民法典》第二百零三条）');
    await admin.admin.removeHoliday({ date: '2026-03-11' });
    expect((await clerk.clock.preview({ start: '2026-03-01T10:00:00+08:00', days: 10, unit: 'calendar' })).dueAt).toBe(plain.dueAt);
  });
});
