import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { caseClocks, notifications, smsOutbox, timelineEvents } from '../../db/schema';
import { runDeadlineSweep } from '../../server/services/deadline-sweep';
import type { SessionUser } from '../../server/auth/session-user';
import { rectificationList, submitRatingByLink } from '../../server/services/ratings';
import { anonymousCaller, callerAs, freshDatabase, jiashanCenterId, refusal, submitNew, testIdNumbers, userByLogin, wagePetition } from './harness';

type Caller = Awaited<ReturnType<typeof callerAs>>;
let handle: DatabaseHandle;
let centerId: string;
let caseId = '';
const workerPhone = '13900008888';

/** The token of the newest rating link texted to a phone. */
async function linkTokenTo(phone: string) {
  const [sms] = await handle.db
    .select({ body: smsOutbox.body })
    .from(smsOutbox)
    .where(and(eq(smsOutbox.phone, phone), like(smsOutbox.body, '%/rate#%')))
    .orderBy(desc(smsOutbox.createdAt))
    .limit(1);
  return sms ? sms.body.match(/\/rate#([A-Za-z0-9_-]{32})/)![1]! : null;
}

const rectificationClocks = (ratingId: string) =>
  handle.db.select({ kind: caseClocks.kind, state: caseClocks.state, dueAt: caseClocks.dueAt, startAt: caseClocks.startAt }).from(caseClocks).where(eq(caseClocks.subjectId, ratingId));

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  const petitioner = await callerAs(handle.db, '13800000001');
  const created = await submitNew(
    petitioner,
    wagePetition(centerId, {
      respondent: { kind: 'organization', name: '评价测试公司' },
      applicants: [
        { name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], claimedAmount: '7000', isRepresentative: true },
        { name: '孙工', phone: workerPhone, idNumber: testIdNumbers[1], claimedAmount: '6000' },
      ],
    }),
  );
  caseId = created.id;
  const director = await callerAs(handle.db, 'director');
  await director.intake.decide({ caseId, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
  const mediator = await userByLogin(handle.db, 'mediator');
  await director.panel.assign({ caseId, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
});
afterAll(() => handle.close());

describe('rating a case (好差评)', () => {
  it('cannot be rated before it is closed, nor ever by staff', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    expect((await refusal(petitioner.rating.submit({ caseId, scope: 'case', level: 'satisfied', tags: [] }))).message).toBe('rating.notClosed');
    for (const login of ['clerk', 'director', 'mediator']) {
      const staff = await callerAs(handle.db, login);
      expect((await refusal(staff.rating.submit({ caseId, scope: 'case', level: 'very_satisfied', tags: [] }))).code).toBe('FORBIDDEN');
    }
  });

  it('invites every applicant by SMS with a single-use link when the case closes', async () => {
    const director = await callerAs(handle.db, 'director');
    const { version } = await director.case.get({ caseId });
    await director.resolution.close({ caseId, outcome: 'resolved', expectedVersion: version });
    expect(await linkTokenTo(workerPhone)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await linkTokenTo('13800000001')).not.toBe(await linkTokenTo(workerPhone));
  });

  let badRatingId = '';
  it('a worker rates 不满意 from the link without signing in: a rectification with a 1-day and a 15-day clock', async () => {
    const anonymous = await anonymousCaller(handle.db);
    const token = (await linkTokenTo(workerPhone))!;
    expect(await anonymous.rating.linkView({ token })).toMatchObject({ state: 'open', followUp: false });
    const result = await anonymous.rating.submitByLink({ token, level: 'dissatisfied', tags: ['efficiency', 'attitude'], comment: '等了很久' });
    expect(result.bad).toBe(true);
    badRatingId = result.id;
    const clocks = await rectificationClocks(badRatingId);
    expect(clocks.map((c) => c.kind).sort()).toEqual(['rating_callback', 'rectification']);
    for (const c of clocks) expect(c.state).toBe('running');
    // The link is used up; a made-up one is unknown.
    expect((await refusal(anonymous.rating.submitByLink({ token, level: 'satisfied', tags: [] }))).message).toBe('rating.linkUsed');
    expect(await anonymous.rating.linkView({ token: 'A'.repeat(32) })).toEqual({ state: 'unknown' });
    expect((await refusal(anonymous.rating.submitByLink({ token: 'A'.repeat(32), level: 'satisfied', tags: [] }))).message).toBe('rating.linkUnknown');
    // The timeline says a rating came in, not who gave it; the directors are told.
    const [event] = await handle.db.select().from(timelineEvents).where(and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.kind, 'rated')));
    expect(event!.actorId).toBeNull();
    expect(JSON.stringify(event!.body)).not.toContain('孙工');
    const director = await userByLogin(handle.db, 'director');
    expect(await handle.db.select().from(notifications).where(and(eq(notifications.userId, director!.id), eq(notifications.eventId, event!.id)))).toHaveLength(1);
  });

  it('an expired link is refused', async () => {
    const token = (await linkTokenTo('13800000001'))!;
    const later = () => new Date(Date.now() + 31 * 86_400_000);
    expect((await refusal(submitRatingByLink(handle.db, token, { scope: 'case', level: 'satisfied', tags: [] }, '10.0.0.9', later))).message).toBe('rating.linkExpired');
  });

  it('shows who rated only to the director', async () => {
    const [director, mediator, clerk] = (await Promise.all(['director', 'mediator', 'clerk'].map((l) => callerAs(handle.db, l)))) as [Caller, Caller, Caller];
    expect((await director.rating.list({ caseId }))[0]!.rater).toMatchObject({ name: '孙工' });
    expect((await mediator.rating.list({ caseId }))[0]!.rater).toBeNull();
    expect((await clerk.rating.list({ caseId }))[0]!.rater).toBeNull();
    // Another applicant sees only their own ratings (none yet).
    expect(await (await callerAs(handle.db, '13800000001')).rating.list({ caseId })).toEqual([]);
  });

  it('the sweep reminds the director of the call back that falls due', async () => {
    const director = await userByLogin(handle.db, 'director');
    const [callback] = (await rectificationClocks(badRatingId)).filter((c) => c.kind === 'rating_callback');
    await runDeadlineSweep(handle.db, new Date(callback!.dueAt!.getTime() + 3600_000));
    const reminders = await handle.db
      .select({ id: timelineEvents.id })
      .from(timelineEvents)
      .innerJoin(notifications, eq(notifications.eventId, timelineEvents.id))
      .where(and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.kind, 'clock_reminder'), eq(notifications.userId, director!.id)));
    expect(reminders.length).toBeGreaterThan(0);
    const list = await rectificationList(handle.db, director as unknown as SessionUser, new Date(callback!.dueAt!.getTime() + 3600_000));
    expect(list[0]).toMatchObject({ ratingId: badRatingId, overdue: true, rater: '孙工', state: 'callback_due', nextDue: { kind: 'rating_callback' } });
  });

  it('the director answers in order — call back, verify, report — and the rater gets a link for one follow-up', async () => {
    const director = await callerAs(handle.db, 'director');
    expect((await refusal(director.rating.answer({ caseId, ratingId: badRatingId, step: 'report', note: '已整改' }))).message).toBe('rectification.outOfOrder');
    await director.rating.answer({ caseId, ratingId: badRatingId, step: 'call_back', note: '电话联系孙工，了解到窗口排队时间长' });
    expect((await rectificationClocks(badRatingId)).find((c) => c.kind === 'rating_callback')!.state).toBe('stopped');
    expect((await refusal(director.rating.answer({ caseId, ratingId: badRatingId, step: 'verify', note: '属实' }))).message).toBe('validation.required');
    await director.rating.answer({ caseId, ratingId: badRatingId, step: 'verify', verification: 'substantiated', note: '排队叫号系统故障属实' });
    const before = await linkTokenTo(workerPhone);
    await director.rating.answer({ caseId, ratingId: badRatingId, step: 'report', note: '孙工您好：已修复叫号系统，增设一个窗口' });
    expect((await rectificationClocks(badRatingId)).every((c) => c.state === 'stopped')).toBe(true);
    // The director's notes and letter may name the rater: the panel reads neither, the other
    // applicant finds nothing of it on the timeline; the rater reads the report with the rating.
    const panelView = (await (await callerAs(handle.db, 'mediator')).rating.list({ caseId }))[0]!.rectification!;
    expect([panelView.callbackNote, panelView.verificationNote, panelView.report]).toEqual([null, null, null]);
    const otherApplicant = await callerAs(handle.db, '13800000001');
    expect(JSON.stringify(await otherApplicant.case.timeline({ caseId, limit: 50 }))).not.toContain('孙工');
    const followUpToken = (await linkTokenTo(workerPhone))!;
    expect(followUpToken).not.toBe(before);
    const anonymous = await anonymousCaller(handle.db);
    expect(await anonymous.rating.linkView({ token: followUpToken })).toMatchObject({ state: 'open', followUp: true });
    const followUp = await anonymous.rating.submitByLink({ token: followUpToken, level: 'satisfied', tags: [] });
    expect(followUp.bad).toBe(false);
    expect((await (await callerAs(handle.db, 'director')).rating.rectifications()).filter((r) => !r.done)).toEqual([]);
  });

  it('an unfounded complaint goes to the supervisor, whose upheld appeal keeps the rating out of the rate', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const rated = await petitioner.rating.submit({ caseId, scope: 'case', level: 'very_dissatisfied', tags: ['conduct'], comment: '不满意' });
    expect((await refusal(petitioner.rating.submit({ caseId, scope: 'case', level: 'satisfied', tags: [] }))).message).toBe('rating.alreadyRated');
    const director = await callerAs(handle.db, 'director');
    await director.rating.answer({ caseId, ratingId: rated.id, step: 'call_back', note: '已电话回访' });
    await director.rating.answer({ caseId, ratingId: rated.id, step: 'verify', verification: 'unfounded', note: '调解员全程依规办理，有录音' });
    expect((await refusal(director.rating.decideAppeal({ caseId, ratingId: rated.id, upheld: true, note: '自己裁定' }))).code).toBe('FORBIDDEN');
    const supervisor = await callerAs(handle.db, 'supervisor');
    // The region's supervisor is told an appeal waits; the director is told of the decision.
    expect((await supervisor.inbox.list()).map((n) => n.text).join('\n')).toMatch(/核实了差评：不实申诉/);
    const appeals = await supervisor.rating.rectifications();
    expect(appeals.map((a) => a.ratingId)).toEqual([rated.id]);
    expect(appeals[0]!.rater).toBeNull();
    await supervisor.rating.decideAppeal({ caseId, ratingId: rated.id, upheld: true, note: '经查录音，办理规范' });
    expect((await director.inbox.list())[0]!.text).toMatch(/申诉/);
    const mine = await petitioner.rating.list({ caseId });
    expect(mine.find((r) => r.id === rated.id)).toMatchObject({ excluded: true, rectification: { state: 'appeal_upheld' } });
    expect((await rectificationClocks(rated.id)).every((c) => c.state === 'stopped')).toBe(true);
  });

  let secondCase: { id: string; caseNumber: string };
  it('one phone on several applicant rows gets one link; a staff member’s phone none', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const staffPhone = (await userByLogin(handle.db, 'mediator'))!.phone!;
    secondCase = await submitNew(
      petitioner,
      wagePetition(centerId, {
        respondent: { kind: 'organization', name: '同号测试公司' },
        applicants: [
          { name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], isRepresentative: true },
          { name: '李工', phone: '13900007777', idNumber: testIdNumbers[2] },
          { name: '周工', phone: '13900007777', idNumber: testIdNumbers[3] },
          { name: '钱工', phone: staffPhone, idNumber: testIdNumbers[4] },
        ],
      }),
    );
    const director = await callerAs(handle.db, 'director');
    await director.intake.decide({ caseId: secondCase.id, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
    const mediator = await userByLogin(handle.db, 'mediator');
    await director.panel.assign({ caseId: secondCase.id, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
    await director.resolution.close({ caseId: secondCase.id, outcome: 'resolved', expectedVersion: (await director.case.get({ caseId: secondCase.id })).version });
    const linksTo = async (phone: string) =>
      (await handle.db.select({ body: smsOutbox.body }).from(smsOutbox).where(eq(smsOutbox.phone, phone))).filter((m) => m.body.includes(secondCase.caseNumber) && m.body.includes('/rate#'));
    expect(await linksTo('13900007777')).toHaveLength(1);
    expect(await linksTo(staffPhone)).toHaveLength(0);
  });

  it('an appeal the supervisor rejects sends the complaint back to be verified, never as unfounded again', async () => {
    const caseId = secondCase.id;
    const rater = await callerAs(handle.db, '13800000001');
    const rated = await rater.rating.submit({ caseId, scope: 'case', level: 'dissatisfied', tags: ['attitude'] });
    // A follow-up rating (追评) waits for the director's report.
    expect((await refusal(rater.rating.submit({ caseId, scope: 'case', level: 'satisfied', tags: [], followUpOf: rated.id }))).message).toBe('rating.followUpNotYet');
    const director = await callerAs(handle.db, 'director');
    await director.rating.answer({ caseId, ratingId: rated.id, step: 'call_back', note: '已回访' });
    await director.rating.answer({ caseId, ratingId: rated.id, step: 'verify', verification: 'unfounded', note: '窗口人员态度正常' });
    await (await callerAs(handle.db, 'supervisor')).rating.decideAppeal({ caseId, ratingId: rated.id, upheld: false, note: '监控显示确有推诿' });
    expect((await director.rating.list({ caseId })).find((r) => r.id === rated.id)!.rectification).toMatchObject({ state: 'verifying', verification: null });
    expect((await refusal(director.rating.answer({ caseId, ratingId: rated.id, step: 'verify', verification: 'unfounded', note: '再申诉' }))).message).toBe('rectification.appealRejected');
    await director.rating.answer({ caseId, ratingId: rated.id, step: 'verify', verification: 'substantiated', note: '属实' });
    await director.rating.answer({ caseId, ratingId: rated.id, step: 'report', note: '已对窗口人员批评教育' });
    const [reported] = await handle.db
      .select({ body: timelineEvents.body })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.kind, 'rectification_reported')));
    expect(reported!.body).toMatchObject({ verification: 'substantiated' });
    // The rater reads the report with their rating, and may now add the follow-up.
    const [mine] = await rater.rating.list({ caseId });
    expect([mine!.rectification!.report, mine!.followUpAllowed]).toEqual(['已对窗口人员批评教育', true]);
  });

  it('an account on two applicant rows rates once, and adds its follow-up to that rating', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(
      petitioner,
      wagePetition(centerId, {
        respondent: { kind: 'organization', name: '两行测试公司' },
        applicants: [
          { name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], isRepresentative: true },
          { name: '王大海（代妻子）', phone: '13800000001', idNumber: testIdNumbers[1] },
        ],
      }),
    );
    const director = await callerAs(handle.db, 'director');
    await director.intake.decide({ caseId: created.id, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
    const mediator = await userByLogin(handle.db, 'mediator');
    await director.panel.assign({ caseId: created.id, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
    await director.resolution.close({ caseId: created.id, outcome: 'resolved', expectedVersion: (await director.case.get({ caseId: created.id })).version });
    const rated = await petitioner.rating.submit({ caseId: created.id, scope: 'case', level: 'dissatisfied', tags: [] });
    expect((await refusal(petitioner.rating.submit({ caseId: created.id, scope: 'case', level: 'satisfied', tags: [] }))).message).toBe('rating.alreadyRated');
    for (const step of ['call_back', 'verify', 'report'] as const) {
      await director.rating.answer({ caseId: created.id, ratingId: rated.id, step, note: '已处理', ...(step === 'verify' ? { verification: 'explained' as const } : {}) });
    }
    const followUp = await petitioner.rating.submit({ caseId: created.id, scope: 'case', level: 'satisfied', tags: [], followUpOf: rated.id });
    expect(followUp.bad).toBe(false);
  });

  it('nobody rates a case that is not theirs', async () => {
    const anonymous = await anonymousCaller(handle.db);
    const phone = '13900009999';
    const { demoCode } = await anonymous.auth.requestCode({ phone });
    await anonymous.auth.register({ phone, code: demoCode!, name: '路人甲', password: 'Lu-renjia-2026!' });
    const stranger = await callerAs(handle.db, phone);
    expect((await refusal(stranger.rating.submit({ caseId, scope: 'case', level: 'very_dissatisfied', tags: [] }))).code).toBe('NOT_FOUND');
    expect((await refusal(stranger.rating.list({ caseId }))).code).toBe('NOT_FOUND');
  });
});
