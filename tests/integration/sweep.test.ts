import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, caseClocks, notifications } from '../../db/schema';
import { runDeadlineSweep } from '../../server/services/deadline-sweep';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, timelineOf, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let n = 0;

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

async function registeredByClerk() {
  const clerk = await callerAs(handle.db, 'clerk');
  const created = await clerk.intake.register({ ...wagePetition(centerId, { respondent: { kind: 'person', name: `提醒对方${++n}` }, title: `提醒事项${n}` }), channel: 'walk_in', inPerson: true });
  const [clock] = await handle.db.select().from(caseClocks).where(and(eq(caseClocks.caseId, created.id), eq(caseClocks.kind, 'acceptance')));
  return { ...created, dueAt: clock!.dueAt! };
}

const noticesOf = async (login: string, caseId: string) => {
  const user = await userByLogin(handle.db, login);
  return handle.db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.caseId, caseId)));
};
const hours = (h: number) => h * 3600_000;

describe('deadline sweeps', () => {
  it('reminds the clerk who registered a case three days before, on the due day, and tells the director once overdue — each once', async () => {
    const c = await registeredByClerk();
    const threeDaysBefore = new Date(c.dueAt.getTime() - hours(3 * 24) + hours(1));
    expect((await runDeadlineSweep(handle.db, new Date(c.dueAt.getTime() - hours(5 * 24)))).sent).toBe(0);
    await runDeadlineSweep(handle.db, threeDaysBefore);
    await runDeadlineSweep(handle.db, threeDaysBefore);
    expect(await noticesOf('clerk', c.id)).toHaveLength(1);
    const dueDay = new Date(c.dueAt.getTime() - hours(2));
    await runDeadlineSweep(handle.db, dueDay);
    await runDeadlineSweep(handle.db, dueDay);
    expect(await noticesOf('clerk', c.id)).toHaveLength(2);
    expect(await noticesOf('director', c.id)).toHaveLength(0);
    const overdue = new Date(c.dueAt.getTime() + hours(1));
    await runDeadlineSweep(handle.db, overdue);
    await runDeadlineSweep(handle.db, new Date(overdue.getTime() + hours(48)));
    expect(await noticesOf('clerk', c.id)).toHaveLength(3);
    expect(await noticesOf('director', c.id)).toHaveLength(1);

    const clerk = await callerAs(handle.db, 'clerk');
    const reminders = (await timelineOf(clerk, c.id)).filter((e) => e.kind === 'clock_reminder');
    expect(reminders.map((e) => e.title)).toEqual([
      expect.stringMatching(/^受理期限将于 .+ 到期$/),
      expect.stringMatching(/^受理期限今天到期（.+）$/),
      expect.stringMatching(/^受理期限已超期（应于 .+ 前完成）$/),
    ]);
    // The parties never see the staff's reminders; the audit row says the system acted.
    expect((await timelineOf(await callerAs(handle.db, '13800000001'), c.id)).some((e) => e.kind === 'clock_reminder')).toBe(false);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'case.clock_reminder')));
    expect(audit.map((a) => [a.actorId, a.actorSystem])).toEqual([
      [null, 'deadline_sweep'],
      [null, 'deadline_sweep'],
      [null, 'deadline_sweep'],
    ]);
  });

  it('sends each reminder once when several sweepers run at the same time, and again after a restart sends nothing', async () => {
    const c = await registeredByClerk();
    const dueDay = new Date(c.dueAt.getTime() - hours(2));
    const results = await Promise.all([1, 2, 3, 4].map(() => runDeadlineSweep(handle.db, dueDay)));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(await noticesOf('clerk', c.id)).toHaveLength(1);
    // A restarted process has no memory: the alert rows in the database are what count.
    await runDeadlineSweep(handle.db, new Date(dueDay.getTime() + hours(1)));
    expect(await noticesOf('clerk', c.id)).toHaveLength(1);
  });

  it('reminds the panel’s lead about handling, and re-arms after an extension', async () => {
    const created = await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId, { respondent: { kind: 'person', name: '办理提醒对方' } }));
    const director = await callerAs(handle.db, 'director');
    await director.intake.decide({ caseId: created.id, decision: 'accept', track: 'petition', expectedVersion: 1 });
    const mediator = await userByLogin(handle.db, 'mediator');
    await director.panel.assign({ caseId: created.id, members: [{ userId: mediator.id, isLead: true }], expectedVersion: 2 });
    const [clock] = await handle.db.select().from(caseClocks).where(and(eq(caseClocks.caseId, created.id), eq(caseClocks.kind, 'handling')));
    await runDeadlineSweep(handle.db, new Date(clock!.dueAt!.getTime() - hours(2)));
    expect(await noticesOf('mediator', created.id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'event' })]));
    const before = (await noticesOf('mediator', created.id)).length;
    await director.case.extendClock({ caseId: created.id, clock: 'handling', days: 10, reason: '补充调查', expectedVersion: 3 });
    const [extended] = await handle.db.select().from(caseClocks).where(eq(caseClocks.id, clock!.id));
    await runDeadlineSweep(handle.db, new Date(extended!.dueAt!.getTime() - hours(2)));
    expect((await noticesOf('mediator', created.id)).length).toBe(before + 1);
  });
});
