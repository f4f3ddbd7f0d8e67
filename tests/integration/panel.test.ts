import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { smsOutbox } from '../../db/schema';
import type { Visibility } from '../../server/domain/case-status';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';
import { anonymousCaller, callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, timelineOf, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let caseId: string;
let caseNumber: string;
let version: number;
let partyA: string;
let partyB: string;
const otherPhone = '13900009999';

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  const anonymous = await anonymousCaller(handle.db);
  const { demoCode } = await anonymous.auth.requestCode({ phone: otherPhone });
  await anonymous.auth.register({ phone: otherPhone, code: demoCode!, name: '工友乙', password: 'worker-b-2026' });
  const petitioner = await callerAs(handle.db, '13800000001');
  const created = await submitNew(
    petitioner,
    wagePetition(centerId, {
      applicants: [
        { name: '王大海', phone: '13800000001', isRepresentative: true },
        { name: '工友乙', phone: otherPhone },
      ],
    }),
  );
  caseId = created.id;
  caseNumber = created.caseNumber;
  const clerk = await callerAs(handle.db, 'clerk');
  await clerk.intake.decide({ caseId, decision: 'accept', expectedVersion: 1 });
  const view = await clerk.case.get({ caseId });
  version = view.version;
  partyA = view.parties.find((p) => p.name === '王大海')!.id;
  partyB = view.parties.find((p) => p.name === '工友乙')!.id;
});
afterAll(() => handle.close());

async function ids(...logins: string[]) {
  return Promise.all(logins.map(async (l) => (await userByLogin(handle.db, l)).id));
}

describe('forming the joint panel', () => {
  it('suggests members per the category’s routing rules, lightest load first', async () => {
    const director = await callerAs(handle.db, 'director');
    const suggestions = await director.panel.suggestions({ caseId });
    expect(suggestions.map((s) => [s.rule.role, s.rule.isLead])).toEqual([
      ['mediator', true],
      ['labor_official', false],
      ['lawyer', false],
      ['judge', false],
    ]);
    expect(suggestions[0]!.candidates[0]).toMatchObject({ name: '李建国', load: 0 });
    // Parties do not see staffing suggestions.
    expect(await (await callerAs(handle.db, '13800000001')).panel.suggestions({ caseId })).toEqual([]);
  });

  it('refuses a panel without exactly one lead or with someone who cannot sit on it', async () => {
    const director = await callerAs(handle.db, 'director');
    const [mediator, clerk] = await ids('mediator', 'clerk');
    const noLead = await httpCall(handle.db, 'director', 'panel.assign', { caseId, members: [{ userId: mediator, isLead: false }], expectedVersion: version }, { method: 'POST' });
    expect(noLead.body.error?.json.data.fieldErrors).toEqual({ members: '须指定且只能指定一名牵头人' });
    const withClerk = await refusal(
      director.panel.assign({ caseId, members: [{ userId: mediator!, isLead: true }, { userId: clerk!, isLead: false }], expectedVersion: version }),
    );
    expect(withClerk.code).toBe('BAD_REQUEST');
    expect((await director.case.get({ caseId })).status).toBe('accepted');
  });

  it('starts mediation, tells the members, and puts the case under their cases', async () => {
    const director = await callerAs(handle.db, 'director');
    const [mediator, labor] = await ids('mediator', 'labor');
    const result = await director.panel.assign({
      caseId,
      members: [{ userId: mediator!, isLead: true }, { userId: labor!, isLead: false }],
      expectedVersion: version,
    });
    expect(result).toEqual({ status: 'mediating', added: 2, removed: 0 });
    const mine = await (await callerAs(handle.db, 'mediator')).panel.mine();
    expect(mine.rows).toEqual([expect.objectContaining({ id: caseId, isLead: true, status: 'mediating' })]);
    const laborInbox = await (await callerAs(handle.db, 'labor')).inbox.list();
    expect(laborInbox[0]).toMatchObject({ text: `您已加入案件 ${caseNumber} 的调处小组`, caseId });
    // The parties see who is on their panel, and are told that mediation has begun.
    const petitioner = await callerAs(handle.db, '13800000001');
    const partyView = await petitioner.case.get({ caseId });
    expect(partyView.panel.map((m) => m.name)).toEqual(['李建国', '刘洋']);
    const partyTimeline = await timelineOf(petitioner, caseId);
    expect(partyTimeline.filter((e) => e.kind === 'panel_member_added').map((e) => e.title)).toEqual([
      '沈志华 将 李建国（人民调解员）加入调处小组并担任牵头人',
      '沈志华 将 刘洋（劳动保障专员）加入调处小组',
    ]);
    expect((await petitioner.inbox.list())[0]!.text).toBe(`案件 ${caseNumber}：沈志华 组建了调处小组（2 人），开始调解`);
  });

  it('refuses a panel change made on a stale view', async () => {
    const [mediator] = await ids('mediator');
    const stale = await httpCall(handle.db, 'clerk', 'panel.assign', { caseId, members: [{ userId: mediator!, isLead: true }], expectedVersion: version }, { method: 'POST' });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.json.message).toMatch(/^该案件已被 沈志华 于 .+ 修改，请刷新后再操作$/);
  });
});

describe('the visibility of timeline entries', () => {
  const posted: Record<string, string> = {};

  beforeAll(async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const post = async (label: string, visibility: Visibility, caucusPartyId?: string) => {
      await mediator.case.post({ caseId, text: label, visibility, caucusPartyId });
      posted[label] = visibility;
    };
    await post('给所有人', 'parties');
    await post('给小组和中心', 'panel');
    await post('仅小组', 'internal');
    await post('与王大海背对背', 'caucus', partyA);
    await post('与工友乙背对背', 'caucus', partyB);
  });

  const notes = async (login: string) => {
    const entries = await timelineOf(await callerAs(handle.db, login), caseId);
    return entries
      .filter((e) => e.kind === 'note')
      .map((e) => e.details[0])
      .sort();
  };

  it.each([
    ['13800000001', ['与王大海背对背', '给所有人']],
    [otherPhone, ['与工友乙背对背', '给所有人']],
    ['mediator', ['与工友乙背对背', '与王大海背对背', '仅小组', '给小组和中心', '给所有人']],
    ['labor', ['与工友乙背对背', '与王大海背对背', '仅小组', '给小组和中心', '给所有人']],
    ['clerk', ['给小组和中心', '给所有人']],
    ['director', ['给小组和中心', '给所有人']],
    ['supervisor', ['给小组和中心', '给所有人']],
  ])('%s reads exactly what their relation allows', async (login, expected) => {
    expect(await notes(login)).toEqual(expected);
  });

  it.each(['judge', 'lawyer', 'clerk2', 'admin'])('%s, not on the panel, does not find the case', async (login) => {
    expect((await refusal((await callerAs(handle.db, login)).case.timeline({ caseId }))).code).toBe('NOT_FOUND');
  });

  it('never sends a petitioner a panel, internal or other party’s caucus entry through the raw endpoint', async () => {
    const raw = await httpCall(handle.db, '13800000001', 'case.timeline', { caseId });
    const text = JSON.stringify(raw.body);
    expect(raw.status).toBe(200);
    for (const hidden of ['给小组和中心', '仅小组', '与工友乙背对背']) expect(text).not.toContain(hidden);
    expect(text).toContain('与王大海背对背');
    const full = await httpCall(handle.db, '13800000001', 'case.get', { caseId });
    for (const hidden of ['给小组和中心', '仅小组', '与工友乙背对背']) expect(JSON.stringify(full.body)).not.toContain(hidden);
  });
});

describe('writing on the timeline', () => {
  it('lets each write only at a visibility they may read, the panel’s default being the safest', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    expect((await refusal(petitioner.case.post({ caseId, text: 'x', visibility: 'panel' }))).code).toBe('FORBIDDEN');
    await petitioner.case.post({ caseId, text: '我补充一份考勤记录', visibility: 'parties' });
    const clerk = await callerAs(handle.db, 'clerk');
    expect((await refusal(clerk.case.post({ caseId, text: 'x', visibility: 'internal' }))).code).toBe('FORBIDDEN');
    const mediatorView = await (await callerAs(handle.db, 'mediator')).case.get({ caseId });
    expect(mediatorView.writableVisibilities[0]).toBe('internal');
    expect((await refusal((await callerAs(handle.db, 'supervisor')).case.post({ caseId, text: 'x', visibility: 'parties' }))).code).toBe('FORBIDDEN');
  });

  it('refuses a caucus with someone who is not a party of this case', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const other = await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId, { respondent: { kind: 'person', name: '另案对方' } }));
    const otherParty = (await (await callerAs(handle.db, 'clerk')).case.get({ caseId: other.id })).parties[0]!.id;
    expect((await refusal(mediator.case.post({ caseId, text: 'x', visibility: 'caucus', caucusPartyId: otherParty }))).code).toBe('BAD_REQUEST');
    expect((await refusal(mediator.case.post({ caseId, text: 'x', visibility: 'caucus' }))).code).toBe('BAD_REQUEST');
  });

  it('notifies mentioned panel members, and only panel members can be mentioned', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const [labor, judge] = await ids('labor', 'judge');
    const laborCaller = await callerAs(handle.db, 'labor');
    await laborCaller.inbox.markRead({});
    expect(await laborCaller.inbox.unreadCount()).toBe(0);
    await mediator.case.post({ caseId, text: '请核实工资表', visibility: 'internal', mentions: [labor!] });
    expect(await laborCaller.inbox.unreadCount()).toBe(1);
    expect((await laborCaller.inbox.list())[0]!.text).toBe(`案件 ${caseNumber}：李建国 在记录中提到了您`);
    // Staff with a phone on file also get it by text message, through the pluggable sender.
    const texts = await handle.db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13900000014'));
    expect(texts.at(-1)!.body).toBe(`【一窗】案件 ${caseNumber}：李建国 在记录中提到了您`);
    // The note itself names who was mentioned.
    expect((await timelineOf(mediator, caseId)).at(-1)!.details).toEqual(['请核实工资表', '提醒：刘洋']);
    expect((await refusal(mediator.case.post({ caseId, text: 'x', visibility: 'internal', mentions: [judge!] }))).code).toBe('BAD_REQUEST');
  });

  it('ends a removed member’s access at once', async () => {
    const director = await callerAs(handle.db, 'director');
    const view = await director.case.get({ caseId });
    const [mediator] = await ids('mediator');
    await director.panel.assign({ caseId, members: [{ userId: mediator!, isLead: true }], expectedVersion: view.version });
    expect((await refusal((await callerAs(handle.db, 'labor')).case.get({ caseId }))).code).toBe('NOT_FOUND');
    expect((await timelineOf(director, caseId)).map((e) => e.kind)).toContain('panel_member_removed');
  });
});

describe('live updates', () => {
  it('delivers a new entry to those who may read it, and nothing to those who may not', async () => {
    const [mediatorId] = await ids('mediator');
    const labor = await userByLogin(handle.db, 'labor');
    const director = await callerAs(handle.db, 'director');
    const view = await director.case.get({ caseId });
    await director.panel.assign({ caseId, members: [{ userId: mediatorId!, isLead: true }, { userId: labor.id, isLead: false }], expectedVersion: view.version });

    const controller = new AbortController();
    const after = new Date();
    const received = (login: string) =>
      (async () => {
        const user = await userByLogin(handle.db, login);
        const ctx = await createContext({ db: handle.db, claims: { userId: user.id, sessionVersion: user.sessionVersion } });
        const caller = createCaller(ctx, { signal: controller.signal });
        const seen: string[] = [];
        const stream = await caller.case.live({ caseId, after });
        try {
          for await (const batch of stream) {
            for (const entry of batch) if (entry.kind === 'note') seen.push(entry.details[0]!);
            if (seen.includes('大家都能看到')) break;
          }
        } catch {
          // aborted
        }
        return seen;
      })();
    const laborSees = received('labor');
    const petitionerSees = received('13800000001');
    await new Promise((r) => setTimeout(r, 200));
    const mediator = await callerAs(handle.db, 'mediator');
    await mediator.case.post({ caseId, text: '小组内部：工资表已核对', visibility: 'panel' });
    await mediator.case.post({ caseId, text: '大家都能看到', visibility: 'parties' });
    const timeout = setTimeout(() => controller.abort(), 5000);
    expect(await laborSees).toEqual(['小组内部：工资表已核对', '大家都能看到']);
    expect(await petitionerSees).toEqual(['大家都能看到']);
    clearTimeout(timeout);
    controller.abort();
  });
});

describe('editing case details', () => {
  it('refuses a stale edit with who changed the case and when, never overwriting', async () => {
    const clerkView = await (await callerAs(handle.db, 'clerk')).case.get({ caseId });
    const mediator = await callerAs(handle.db, 'mediator');
    const first = await mediator.case.update({ caseId, expectedVersion: clerkView.version, title: '海鲜店拖欠三名工人工资（更正）' });
    expect(first.changed).toEqual(['title']);
    const stale = await httpCall(handle.db, 'clerk', 'case.update', { caseId, expectedVersion: clerkView.version, title: '另一个标题' }, { method: 'POST' });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.json.message).toMatch(/^该案件已被 李建国 于 .+ 修改，请刷新后再操作$/);
    expect((await mediator.case.get({ caseId })).title).toBe('海鲜店拖欠三名工人工资（更正）');
    expect((await refusal((await callerAs(handle.db, '13800000001')).case.update({ caseId, expectedVersion: first.version, title: 'x' }))).code).toBe('FORBIDDEN');
  });
});

describe('mediation sessions', () => {
  // Sessions are booked ahead (never in the past, at most two years on): a day 100 days from now, Beijing time.
  const base = new Date(Date.now() + 100 * 86_400_000);
  const day = `${base.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })}`;
  const at = (hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const shown = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

  it('schedules a session, tells the attendees, and refuses a double-booked room or member', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const [mediatorId, labor] = await ids('mediator', 'labor');
    await mediator.case.scheduleSession({ caseId, startsAt: at(9), endsAt: at(11), room: '第一调解室', memberIds: [mediatorId!, labor!], partyIds: [partyA] });
    const laborInbox = await (await callerAs(handle.db, 'labor')).inbox.list();
    expect(laborInbox[0]!.text).toBe(`案件 ${caseNumber}：李建国 安排了调解会：${new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(at(9))}（地点：第一调解室）`);
    const partyView = await (await callerAs(handle.db, '13800000001')).case.get({ caseId });
    expect(partyView.sessions).toEqual([expect.objectContaining({ room: '第一调解室', status: 'scheduled', minutes: null })]);

    // Another case of the center, the same room, overlapping.
    const other = await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId, { respondent: { kind: 'person', name: '排期冲突对方' } }));
    const clerk = await callerAs(handle.db, 'clerk');
    const room = await httpCall(handle.db, 'clerk', 'case.scheduleSession', { caseId: other.id, startsAt: at(10), endsAt: at(12), room: '第一调解室' }, { method: 'POST' });
    expect(room.status).toBe(409);
    expect(room.body.error?.json.data.fieldErrors).toEqual({ room: `第一调解室 在 ${shown(at(9))} 已有安排，请换时间或房间` });
    // Back to back is fine; a member on two panels cannot be in two sessions at once.
    await clerk.case.scheduleSession({ caseId: other.id, startsAt: at(11), endsAt: at(12), room: '第一调解室' });
    const director = await callerAs(handle.db, 'director');
    const otherView = await clerk.case.get({ caseId: other.id });
    await clerk.intake.decide({ caseId: other.id, decision: 'accept', expectedVersion: otherView.version });
    await director.panel.assign({ caseId: other.id, members: [{ userId: labor!, isLead: true }], expectedVersion: otherView.version + 1 });
    const busy = await httpCall(handle.db, 'director', 'case.scheduleSession', { caseId: other.id, startsAt: at(8), endsAt: at(10), room: '第二调解室', memberIds: [labor] }, { method: 'POST' });
    expect(busy.status).toBe(409);
    expect(busy.body.error?.json.message).toBe(`刘洋 在 ${shown(at(9))} 已有其他调解会`);
  });

  it('refuses sessions in the past, too far ahead or longer than a working day', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const refused = async (startsAt: Date, endsAt: Date) =>
      (await httpCall(handle.db, 'mediator', 'case.scheduleSession', { caseId, startsAt, endsAt, room: '第三调解室' }, { method: 'POST' })).body.error?.json.data.fieldErrors;
    const hour = 3600_000;
    expect(await refused(new Date(Date.now() - 48 * hour), new Date(Date.now() - 47 * hour))).toEqual({ startsAt: '不能安排在已过去的时间' });
    expect(await refused(new Date(Date.now() + 800 * 86_400_000), new Date(Date.now() + 800 * 86_400_000 + hour))).toEqual({ startsAt: '只能安排两年以内的调解会' });
    expect(await refused(at(8), at(21))).toEqual({ endsAt: '调解会时长不能超过 12 小时' });
    expect((await mediator.case.get({ caseId })).sessions.filter((x) => x.room === '第三调解室')).toEqual([]);
  });

  it('moves and cancels a session, telling the attendees, and frees the room', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const petitioner = await callerAs(handle.db, '13800000001');
    const [labor] = await ids('labor');
    const { id } = await mediator.case.scheduleSession({ caseId, startsAt: at(14), endsAt: at(15), room: '第四调解室', memberIds: [labor!], partyIds: [partyA] });
    await mediator.case.rescheduleSession({ caseId, sessionId: id, startsAt: at(16), endsAt: at(17), room: '第四调解室' });
    const moved = (await timelineOf(petitioner, caseId)).at(-1)!;
    expect(moved.kind).toBe('session_rescheduled');
    expect((await petitioner.inbox.list())[0]!.text).toContain('李建国 将调解会改至');
    await mediator.case.cancelSession({ caseId, sessionId: id, reason: '申请人住院' });
    expect((await (await callerAs(handle.db, 'labor')).inbox.list())[0]!.text).toContain('取消了原定');
    expect((await petitioner.case.get({ caseId })).sessions.find((x) => x.id === id)!.status).toBe('cancelled');
    // The room is free again, and a cancelled session is not moved or cancelled twice.
    const freed = await mediator.case.scheduleSession({ caseId, startsAt: at(16), endsAt: at(17), room: '第四调解室' });
    expect(freed.id).toBeTruthy();
    expect((await refusal(mediator.case.cancelSession({ caseId, sessionId: id, reason: '再取消' }))).code).toBe('CONFLICT');
    await mediator.case.cancelSession({ caseId, sessionId: freed.id, reason: '调整安排' });
    // Parties may not move sessions.
    expect((await refusal(petitioner.case.cancelSession({ caseId, sessionId: freed.id, reason: 'x' }))).code).toBe('FORBIDDEN');
  });

  it('records an outcome only once the session has begun: minutes for the panel alone, the outcome for everyone', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const future = (await mediator.case.get({ caseId })).sessions.find((x) => x.status === 'scheduled' && x.room === '第一调解室')!;
    const early = await httpCall(handle.db, 'mediator', 'case.recordSession', { caseId, sessionId: future.id, minutes: '太早', outcome: 'agreement' }, { method: 'POST' });
    expect(early.status).toBe(409);
    expect(early.body.error?.json.message).toBe('调解会尚未开始，不能记录结果');

    // A session that began half an hour ago.
    const { id } = await mediator.case.scheduleSession({ caseId, startsAt: new Date(Date.now() - 1800_000), endsAt: new Date(Date.now() + 1800_000), onlineLink: 'https://meeting.example/1' });
    await mediator.case.recordSession({ caseId, sessionId: id, minutes: '双方就分期支付达成一致意见', outcome: 'agreement' });
    const partyView = await (await callerAs(handle.db, '13800000001')).case.get({ caseId });
    expect(partyView.sessions.find((x) => x.id === id)).toMatchObject({ status: 'held', outcome: 'agreement', minutes: null });
    expect(JSON.stringify(partyView)).not.toContain('分期支付');
    expect((await mediator.case.get({ caseId })).sessions.find((x) => x.id === id)!.minutes).toBe('双方就分期支付达成一致意见');
    // Nor do the center's staff or the supervisor read the minutes, on the page or on the timeline.
    for (const login of ['director', 'supervisor']) {
      const caller = await callerAs(handle.db, login);
      expect(JSON.stringify(await caller.case.get({ caseId }))).not.toContain('分期支付');
      expect(JSON.stringify(await timelineOf(caller, caseId))).not.toContain('分期支付');
    }
    expect((await timelineOf(mediator, caseId)).at(-1)).toMatchObject({ kind: 'session_minutes', visibility: 'internal', details: ['双方就分期支付达成一致意见'] });
    // The center's staff schedule sessions but the panel records what happened in the room.
    expect((await refusal((await callerAs(handle.db, 'director')).case.recordSession({ caseId, sessionId: id, minutes: 'x', outcome: 'adjourned' }))).code).toBe('FORBIDDEN');
  });
});

describe('the evidence checklist', () => {
  it('is created with the panel, assigns a missing item with a due date, and counts readiness', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const [labor] = await ids('labor');
    const checklist = await mediator.case.checklist({ caseId });
    expect(checklist.items.map((i) => i.label)).toEqual(['劳动关系证明（合同、工牌、工作服等）', '考勤记录', '工资发放记录或工资条', '与老板的聊天记录', '欠条或工资结算单']);
    expect(checklist).toMatchObject({ provided: 0, total: 5, ready: false });

    const attendance = checklist.items[1]!;
    await mediator.case.updateChecklistItem({ caseId, itemId: attendance.id, assigneeId: labor!, dueOn: '2031-03-01' });
    const laborInbox = await (await callerAs(handle.db, 'labor')).inbox.list();
    expect(laborInbox[0]!.text).toBe(`案件 ${caseNumber}：李建国 更新了材料：考勤记录（负责人：刘洋）`);

    const petitioner = await callerAs(handle.db, '13800000001');
    const { tinyPng, uploadForm } = await import('./harness');
    const file = await petitioner.evidence.upload(uploadForm(tinyPng(), '考勤表.png', { caseId }));
    await mediator.case.updateChecklistItem({ caseId, itemId: attendance.id, evidenceId: file.id });
    const after = await petitioner.case.checklist({ caseId });
    expect(after.items[1]).toMatchObject({ status: 'provided', assigneeName: '刘洋', dueOn: '2031-03-01' });
    expect(after).toMatchObject({ provided: 1, total: 5 });
    expect((await refusal(petitioner.case.updateChecklistItem({ caseId, itemId: attendance.id, status: 'missing' }))).code).toBe('FORBIDDEN');
    const [judge] = await ids('judge');
    expect((await refusal(mediator.case.updateChecklistItem({ caseId, itemId: attendance.id, assigneeId: judge! }))).code).toBe('BAD_REQUEST');
  });
});

describe('a party answering the checklist', () => {
  it('provides a missing item with a file of their own, and the lead is told', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const item = (await petitioner.case.checklist({ caseId })).items.find((i) => i.status === 'missing')!;
    const { tinyPng, uploadForm } = await import('./harness');
    const file = await petitioner.evidence.upload(uploadForm(tinyPng(), '工资条.png', { caseId }));
    const mediator = await callerAs(handle.db, 'mediator');
    await mediator.inbox.markRead({});
    await petitioner.case.answerChecklistItem({ caseId, itemId: item.id, evidenceId: file.id });
    expect((await petitioner.case.checklist({ caseId })).items.find((i) => i.id === item.id)).toMatchObject({ status: 'provided', evidenceId: file.id });
    expect((await mediator.inbox.list())[0]!.text).toBe(`案件 ${caseNumber}：王大海 确认材料已提供：${item.label}`);
    expect((await refusal(petitioner.case.answerChecklistItem({ caseId, itemId: item.id, evidenceId: file.id }))).code).toBe('CONFLICT');
    // Only with their own file on this case; and staff use their own controls.
    const other = (await petitioner.case.checklist({ caseId })).items.find((i) => i.status === 'missing')!;
    const staffFile = await mediator.evidence.upload(uploadForm(tinyPng(), '小组的.png', { caseId, visibility: 'parties' }));
    expect((await refusal(petitioner.case.answerChecklistItem({ caseId, itemId: other.id, evidenceId: staffFile.id }))).code).toBe('BAD_REQUEST');
    expect((await refusal(mediator.case.answerChecklistItem({ caseId, itemId: other.id, evidenceId: staffFile.id }))).code).toBe('FORBIDDEN');
  });
});

describe('the case header', () => {
  it('shows the handling clock of the track chosen at acceptance, with how it was computed', async () => {
    const view = await (await callerAs(handle.db, 'mediator')).case.get({ caseId });
    expect(view.track).toBe('labor_mediation');
    const handling = view.clocks.find((c) => c.kind === 'handling')!;
    expect(handling.explanation[1]).toBe('自次日起计 15 日（《劳动争议调解仲裁法》第十四条）');
    expect(handling.explanation.at(-1)).toMatch(/^截止 \d{4}年\d{1,2}月\d{1,2}日 24:00$/);
    expect(view.clocks.find((c) => c.kind === 'acceptance')).toBeUndefined();
  });
});

describe('routing rules', () => {
  it('are edited by the admin per center and drive the suggestions', async () => {
    const admin = await callerAs(handle.db, 'admin');
    expect(await admin.admin.routingRules({ category: 'marriage_family' })).toMatchObject({
      custom: false,
      rules: [expect.objectContaining({ role: 'mediator', isLead: true }), expect.objectContaining({ role: 'psychologist' })],
    });
    const twoLeads = await httpCall(handle.db, 'admin', 'admin.setRoutingRules', {
      category: 'marriage_family',
      rules: [{ role: 'mediator', isLead: true }, { role: 'lawyer', isLead: true }],
    }, { method: 'POST' });
    expect(twoLeads.body.error?.json.data.fieldErrors).toEqual({ rules: '须指定且只能指定一名牵头人' });
    await admin.admin.setRoutingRules({ category: 'marriage_family', rules: [{ role: 'psychologist', isLead: true }, { role: 'lawyer', isLead: false }] });
    expect((await admin.admin.routingRules({ category: 'marriage_family' })).rules.map((r) => r.role)).toEqual(['psychologist', 'lawyer']);

    const family = await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId, { category: 'marriage_family', respondent: { kind: 'person', name: '配偶甲' } }));
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.decide({ caseId: family.id, decision: 'accept', expectedVersion: 1 });
    const suggestions = await clerk.panel.suggestions({ caseId: family.id });
    expect(suggestions.map((s) => [s.rule.role, s.rule.isLead])).toEqual([
      ['psychologist', true],
      ['lawyer', false],
    ]);
    // Back to the defaults.
    await admin.admin.setRoutingRules({ category: 'marriage_family', rules: [] });
    expect((await admin.admin.routingRules({ category: 'marriage_family' })).custom).toBe(false);
  });
});

describe('checklist templates', () => {
  it('are edited by the admin per center and given to cases whose panel forms afterwards', async () => {
    const admin = await callerAs(handle.db, 'admin');
    expect((await admin.admin.checklistTemplate({ category: 'traffic' })).labels).toEqual(['事故认定书', '医疗费用票据', '误工证明']);
    await admin.admin.setChecklistTemplate({ category: 'traffic', labels: ['事故认定书', '车辆维修发票'] });
    const petitioner = await callerAs(handle.db, '13800000001');
    const accident = await submitNew(petitioner, wagePetition(centerId, { category: 'traffic', respondent: { kind: 'person', name: '肇事司机' } }));
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.decide({ caseId: accident.id, decision: 'accept', expectedVersion: 1 });
    const [mediatorId] = await ids('mediator');
    await clerk.panel.assign({ caseId: accident.id, members: [{ userId: mediatorId!, isLead: true }], expectedVersion: 2 });
    expect((await clerk.case.checklist({ caseId: accident.id })).items.map((i) => i.label)).toEqual(['事故认定书', '车辆维修发票']);
  });
});
