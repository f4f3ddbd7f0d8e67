import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { and, eq } from 'drizzle-orm';
import { caseClocks } from '../../db/schema';
import { mondayOf, monthOf, monthPeriod } from '../../server/domain/kpis';
import { localDateOf } from '../../server/domain/calendar';
import type { SessionUser } from '../../server/auth/session-user';
import { freezeMonth } from '../../server/services/dashboard';
import { userContext } from '../../server/services/context';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, testIdNumbers, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
const month = monthOf(new Date());

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

const version = async (caseId: string) => (await (await callerAs(handle.db, 'clerk')).case.get({ caseId })).version;

/** A case submitted, accepted on the labor track and staffed. */
async function acceptedCase(respondent: string, workers = 1) {
  const petitioner = await callerAs(handle.db, '13800000001');
  const applicants = Array.from({ length: workers }, (_, i) => ({
    name: i === 0 ? '王大海' : `工人${i}`,
    ...(i === 0 ? { phone: '13800000001' } : {}),
    idNumber: testIdNumbers[i % testIdNumbers.length],
    claimedAmount: '1000',
    isRepresentative: i === 0,
  }));
  const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: respondent }, applicants }));
  const director = await callerAs(handle.db, 'director');
  await director.intake.decide({ caseId: created.id, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
  const mediator = await userByLogin(handle.db, 'mediator');
  await director.panel.assign({ caseId: created.id, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
  return created.id;
}

describe('the director’s dashboard', () => {
  let resolved: string;
  let open: string;
  let terminated: string;

  beforeAll(async () => {
    const director = await callerAs(handle.db, 'director');
    resolved = await acceptedCase('仪表盘化解公司', 3);
    await director.resolution.close({ caseId: resolved, outcome: 'resolved', expectedVersion: await version(resolved) });
    open = await acceptedCase('仪表盘在办公司');
    terminated = await acceptedCase('仪表盘终止公司');
    await (await callerAs(handle.db, 'mediator')).resolution.terminate({ caseId: terminated, kind: 'failed', reason: '双方分歧过大', expectedVersion: await version(terminated) });
  });

  it('counts this month’s cases in 件 and 人次, each figure with its version', async () => {
    const board = await (await callerAs(handle.db, 'director')).dashboard.center({ month });
    const figure = (id: string) => board.report.figures.find((f) => f.id === id)!;
    expect(figure('closure_rate')).toMatchObject({ version: 1, cases: { numerator: 2, denominator: 3 }, people: { numerator: 4, denominator: 5 } });
    expect(figure('resolution_rate').cases).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(figure('mediation_success').cases).toMatchObject({ numerator: 0, denominator: 1, rate: 0 });
    expect(figure('on_time_closure').cases).toMatchObject({ numerator: 2, denominator: 2 });
    // The two closed cases, each claiming the petition's amount in dispute (¥210,000).
    expect(board.report.amounts).toEqual({ claimed: 420000, recovered: 0 });
    expect(board.breakdown.rows.map((g) => [g.value, g.cases])).toEqual([['labor_wages', 3]]);
    const byChannel = await (await callerAs(handle.db, 'director')).dashboard.center({ month, by: 'channel' });
    expect(byChannel.breakdown.rows.map((g) => [g.value, g.cases])).toEqual([['online', 3]]);
    // All three are led by the demo mediator, a member of the center's mediation committee.
    const mediator = await userByLogin(handle.db, 'mediator');
    const byLead = await (await callerAs(handle.db, 'director')).dashboard.center({ month, by: 'panel_member' });
    expect(byLead.breakdown.rows.map((g) => [g.value, g.cases])).toEqual([[mediator.displayName, 3]]);
    const byOrganization = await (await callerAs(handle.db, 'director')).dashboard.center({ month, by: 'organization' });
    expect(byOrganization.breakdown.rows).toHaveLength(1);
    expect(byOrganization.breakdown.rows[0]!.value).not.toBe('none');
    expect(board.center.name).toBe('嘉善县社会治理综合服务中心');
  });

  it('warns of escalating words at once, and of a wave of cases against one respondent', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const threat = await submitNew(petitioner, wagePetition(centerId, { description: '老板一直拖着不给钱，再不解决我们就去跳楼。', respondent: { kind: 'organization', name: '仪表盘化解公司' } }));
    const board = await (await callerAs(handle.db, 'director')).dashboard.center({ month });
    const escalation = board.warnings.find((w) => w.rule === 'escalation');
    expect(escalation).toMatchObject({ level: 'red', subject: '跳楼', cases: [{ id: threat.id, caseNumber: threat.caseNumber }] });
    // Three cases against 仪表盘化解公司 would be a wave; two are not.
    expect(board.warnings.find((w) => w.rule === 'respondent_wave')).toBeUndefined();
    await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '仪表盘化解公司' } }));
    const after = await (await callerAs(handle.db, 'director')).dashboard.center({ month });
    expect(after.warnings.find((w) => w.rule === 'respondent_wave')).toMatchObject({ level: 'yellow', subject: '仪表盘化解公司' });
    // Both later submissions repeat 王大海's earlier case against the same company: 2 of the month's 5.
    expect(after.report.figures.find((f) => f.id === 'repeat_rate')!.cases).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });

    // The director records what was done; it stays listed with the disposition, once.
    const director = await callerAs(handle.db, 'director');
    const ref = after.warnings.find((w) => w.rule === 'escalation')!.ref;
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    await director.dashboard.disposeWarning({ ref, disposition: '已约谈申请人，通报派出所' });
    expect((await refusal(director.dashboard.disposeWarning({ ref, disposition: '再记一次' }))).message).toBe('dashboard.warningDisposed');
    const disposed = (await director.dashboard.center({ month })).warnings.find((w) => w.rule === 'escalation')!;
    expect(disposed.disposition).toMatchObject({ text: '已约谈申请人，通报派出所', byName: '沈志华' });
  });

  it('counts a bad rating called back in time in the month its call back fell due', async () => {
    const rating = await (await callerAs(handle.db, '13800000001')).rating.submit({ caseId: resolved, scope: 'case', level: 'dissatisfied', tags: ['efficiency'] });
    const director = await callerAs(handle.db, 'director');
    await director.rating.answer({ caseId: resolved, ratingId: rating.id, step: 'call_back', note: '已回访' });
    const [clock] = await handle.db.select({ dueAt: caseClocks.dueAt }).from(caseClocks).where(and(eq(caseClocks.subjectId, rating.id), eq(caseClocks.kind, 'rating_callback')));
    const board = await director.dashboard.center({ month: monthOf(clock!.dueAt!) });
    expect(board.report.figures.find((f) => f.id === 'callback_on_time')!.cases).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    // Its report is not due yet, and not done: not counted.
    expect(board.report.figures.find((f) => f.id === 'rectification_on_time')!.cases.denominator).toBe(0);
  });

  it('shows twelve months up to this one, this month’s figures the same as the dashboard’s', async () => {
    const director = await callerAs(handle.db, 'director');
    const trend = await director.dashboard.trend({ month });
    expect(trend).toHaveLength(12);
    expect(trend.at(-1)!.period).toBe(month);
    const board = await director.dashboard.center({ month });
    const closure = (figures: { id: string; cases: unknown }[]) => figures.find((f) => f.id === 'closure_rate')!.cases;
    expect(closure(trend.at(-1)!.figures)).toEqual(closure(board.report.figures));
    // Earlier months of this fresh center have nothing to count.
    expect(closure(trend[0]!.figures)).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it('shows thirteen weeks up to the month’s end, the cases of this week in this week', async () => {
    const director = await callerAs(handle.db, 'director');
    const weeks = await director.dashboard.trend({ month, grain: 'week' });
    expect(weeks).toHaveLength(13);
    const thisWeek = weeks.find((w) => w.period === mondayOf(localDateOf(new Date())))!;
    const board = await director.dashboard.center({ month });
    const submissions = (figures: { id: string; cases: { denominator: number } }[]) => figures.find((f) => f.id === 'repeat_rate')!.cases.denominator;
    // Every case of this test was registered today.
    expect(submissions(thisWeek.figures)).toBe(submissions(board.report.figures));
    expect(submissions(thisWeek.figures)).toBeGreaterThan(0);
    expect(weeks.filter((w) => w !== thisWeek && w.figures.length > 0).every((w) => submissions(w.figures) === 0)).toBe(true);
  });

  it('drills down to exactly the cases a figure counted', async () => {
    const director = await callerAs(handle.db, 'director');
    const behind = async (kpi: 'closure_rate' | 'resolution_rate', side: 'numerator' | 'denominator') =>
      (await director.dashboard.cases({ month, kpi, side })).cases.map((c) => c.id).sort();
    expect(await behind('closure_rate', 'denominator')).toEqual([resolved, open, terminated].sort());
    expect(await behind('closure_rate', 'numerator')).toEqual([resolved, terminated].sort());
    expect(await behind('resolution_rate', 'numerator')).toEqual([resolved]);
  });

  it('shows a director only their own center, a supervisor only the region’s', async () => {
    const otherCenter = await callerAs(handle.db, 'clerk2');
    expect((await refusal(otherCenter.dashboard.center({ month }))).code).toBe('FORBIDDEN');
    // The supervisor of the region names the center; its figures are the director's.
    const supervisor = await callerAs(handle.db, 'supervisor');
    const seen = await supervisor.dashboard.center({ month, centerId });
    expect(seen.report.figures.find((f) => f.id === 'closure_rate')!.cases.denominator).toBe(3);
    // The region: every center in the same indicators, this one with its warnings counted.
    const region = await supervisor.dashboard.region({ month });
    const mine = region.find((c) => c.id === centerId)!;
    expect(mine.figures.find((f) => f.id === 'closure_rate')!.cases.denominator).toBe(3);
    expect(mine.warnings.red).toBeGreaterThan(0);
    expect(region.map((c) => c.name)).toEqual(['嘉善县社会治理综合服务中心']);
    const refused = await httpCall(handle.db, 'supervisor', 'dashboard.center', { month: '2026-13' });
    expect(refused.body.error?.json.data.fieldErrors).toEqual({ month: '请选择月份（如 2026-11）' });
  });

  it('freezes an ended month: its figures stay as they were when a case in it changes later', async () => {
    const director = (await userByLogin(handle.db, 'director'))! as unknown as SessionUser;
    const early = await httpCall(handle.db, 'director', 'dashboard.freeze', { month }, { method: 'POST' });
    expect([early.status, early.body.error?.json.message]).toEqual([409, '月份结束后才能冻结报表']);
    // At the start of next month, the director freezes this one.
    const nextMonth = () => monthPeriod(month).to;
    await freezeMonth(userContext(handle.db, director, nextMonth), { month });
    expect((await refusal(freezeMonth(userContext(handle.db, director, nextMonth), { month }))).message).toBe('dashboard.alreadyFrozen');
    const before = await (await callerAs(handle.db, 'director')).dashboard.center({ month });
    const closure = (figures: { id: string; cases: { numerator: number } }[]) => figures.find((f) => f.id === 'closure_rate')!.cases.numerator;
    expect(closure(before.frozen!.report.figures)).toBe(closure(before.report.figures));
    // A case of the month closes afterwards: the live figure moves, the frozen one does not.
    const caller = await callerAs(handle.db, 'director');
    await caller.resolution.close({ caseId: open, outcome: 'resolved', expectedVersion: await version(open) });
    const after = await caller.dashboard.center({ month });
    expect(closure(after.report.figures)).toBe(closure(before.report.figures) + 1);
    expect(closure(after.frozen!.report.figures)).toBe(closure(before.report.figures));
    expect(after.frozen!.frozenByName).toBe('沈志华');
  });
});
