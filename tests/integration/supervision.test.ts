import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { SessionUser } from '../../server/auth/session-user';
import { addDays, localDateOf } from '../../server/domain/calendar';
import { openSupervision } from '../../server/services/supervision';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let caseId: string;
const today = () => localDateOf(new Date());

beforeAll(async () => {
  handle = await freshDatabase();
  const centerId = await jiashanCenterId(handle.db);
  const created = await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId, { respondent: { kind: 'organization', name: '督办测试公司' } }));
  caseId = created.id;
  await (await callerAs(handle.db, 'director')).intake.decide({ caseId, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
});
afterAll(() => handle.close());

describe('督办: a supervision order on a case', () => {
  let orderId: string;

  it('is issued by the region’s supervisor with a date to answer by, and the director is told at once', async () => {
    const supervisor = await callerAs(handle.db, 'supervisor');
    const tooSoon = await httpCall(handle.db, 'supervisor', 'supervision.issue', { caseId, instruction: '请约谈', dueOn: today() }, { method: 'POST' });
    expect(tooSoon.body.error?.json.data.fieldErrors).toEqual({ dueOn: '答复期限须在明天至 60 天以内' });
    ({ id: orderId } = await supervisor.supervision.issue({ caseId, instruction: '群体欠薪，请于三日内约谈用人单位并报告', dueOn: addDays(today(), 3) }));
    const director = await callerAs(handle.db, 'director');
    expect((await director.inbox.list())[0]!.text).toMatch(/督办本案/);
    const [open] = await director.supervision.open();
    expect(open).toMatchObject({ id: orderId, caseId, instruction: '群体欠薪，请于三日内约谈用人单位并报告', overdue: false, issuedByName: '徐明' });
    // Between the supervisor and the center: the petitioner reads nothing of it.
    const petitioner = await callerAs(handle.db, '13800000001');
    expect(await petitioner.supervision.forCase({ caseId })).toEqual([]);
    expect(JSON.stringify(await petitioner.case.timeline({ caseId, limit: 50 }))).not.toContain('督办');
  });

  it('is overdue once its date has passed unanswered', async () => {
    const director = await userByLogin(handle.db, 'director');
    const later = new Date(Date.now() + 5 * 86_400_000);
    const [open] = await openSupervision(handle.db, director as unknown as SessionUser, later);
    expect(open).toMatchObject({ id: orderId, overdue: true });
  });

  it('is answered once, by the director; the supervisor is told and it leaves the open lists', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    expect((await refusal(clerk.supervision.answer({ caseId, orderId, response: '已约谈' }))).code).toBe('FORBIDDEN');
    const director = await callerAs(handle.db, 'director');
    await director.supervision.answer({ caseId, orderId, response: '已约谈用人单位，承诺本月底前支付' });
    expect((await refusal(director.supervision.answer({ caseId, orderId, response: '再答一次' }))).message).toBe('supervision.answered');
    const supervisor = await callerAs(handle.db, 'supervisor');
    expect((await supervisor.inbox.list())[0]!.text).toMatch(/答复了督办/);
    expect(await supervisor.supervision.open()).toEqual([]);
    expect((await supervisor.supervision.forCase({ caseId }))[0]).toMatchObject({ response: '已约谈用人单位，承诺本月底前支付', overdue: false });
  });
});

describe('督办: a supervision order on a center as a whole', () => {
  it('is issued by the region’s supervisor, told to the directors, answered once on the dashboard, and audited', async () => {
    const centerId = await jiashanCenterId(handle.db);
    const supervisor = await callerAs(handle.db, 'supervisor');
    const tooLate = await httpCall(handle.db, 'supervisor', 'supervision.issueForCenter', { centerId, instruction: '请清理积案', dueOn: addDays(today(), 61) }, { method: 'POST' });
    expect(tooLate.body.error?.json.data.fieldErrors).toEqual({ dueOn: '答复期限须在明天至 60 天以内' });
    const { id: orderId } = await supervisor.supervision.issueForCenter({ centerId, instruction: '本月超期案件偏多，请于一周内报告清理计划', dueOn: addDays(today(), 7) });

    const director = await callerAs(handle.db, 'director');
    expect((await director.inbox.list())[0]!.text).toMatch(/对本中心下达督办/);
    const open = (await director.supervision.open()).find((o) => o.id === orderId);
    expect(open).toMatchObject({ centerId, caseId: null, caseNumber: null, instruction: '本月超期案件偏多，请于一周内报告清理计划', overdue: false });
    // Only a director answers it, and not as if it were an order on a case.
    const clerk = await callerAs(handle.db, 'clerk');
    expect((await refusal(clerk.supervision.answerForCenter({ orderId, response: '我来答' }))).code).toBe('FORBIDDEN');
    expect((await refusal(director.supervision.answer({ caseId, orderId, response: '错处答复' }))).code).toBe('NOT_FOUND');

    await director.supervision.answerForCenter({ orderId, response: '已制定清理计划，逐案明确责任人' });
    expect((await refusal(director.supervision.answerForCenter({ orderId, response: '再答一次' }))).message).toBe('supervision.answered');
    expect((await director.supervision.open()).find((o) => o.id === orderId)).toBeUndefined();
    expect((await supervisor.inbox.list())[0]!.text).toMatch(/中心已答复/);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, orderId));
    expect(audit.map((a) => a.action).sort()).toEqual(['supervision.center_answered', 'supervision.center_ordered']);
  });
});
