import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { smsOutbox } from '../../db/schema';
import type { Visibility } from '../../server/domain/case-status';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';
import { anonymousCaller, callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let caseId: string;
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
    expect(mine).toEqual([expect.objectContaining({ id: caseId, isLead: true, status: 'mediating' })]);
    const laborInbox = await (await callerAs(handle.db, 'labor')).inbox.list();
    expect(laborInbox[0]).toMatchObject({ kind: 'assignment', caseId });
    // The parties see who is on their panel.
    const partyView = await (await callerAs(handle.db, '13800000001')).case.get({ caseId });
    expect(partyView.panel.map((m) => m.name)).toEqual(['李建国', '刘洋']);
    expect(partyView.timeline.filter((e) => e.kind === 'panel_member_added')).toHaveLength(2);
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
    const entries = await (await callerAs(handle.db, login)).case.timeline({ caseId });
    return entries
      .filter((e) => e.kind === 'note')
      .map((e) => (e.body as { text: string }).text)
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
    expect((await laborCaller.inbox.list())[0]).toMatchObject({ kind: 'mention', body: expect.objectContaining({ by: '李建国' }) });
    // Staff with a phone on file also get it by text message, through the pluggable sender.
    const texts = await handle.db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13900000014'));
    expect(texts.at(-1)!.body).toMatch(/^【一窗】李建国 在案件 330421-\d{4}-\d{6} 中提醒了您$/);
    expect((await refusal(mediator.case.post({ caseId, text: 'x', visibility: 'internal', mentions: [judge!] }))).code).toBe('BAD_REQUEST');
  });

  it('ends a removed member’s access at once', async () => {
    const director = await callerAs(handle.db, 'director');
    const view = await director.case.get({ caseId });
    const [mediator] = await ids('mediator');
    await director.panel.assign({ caseId, members: [{ userId: mediator!, isLead: true }], expectedVersion: view.version });
    expect((await refusal((await callerAs(handle.db, 'labor')).case.get({ caseId }))).code).toBe('NOT_FOUND');
    expect((await director.case.get({ caseId })).timeline.map((e) => e.kind)).toContain('panel_member_removed');
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
            for (const entry of batch) if (entry.kind === 'note') seen.push((entry.body as { text: string }).text);
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
  const at = (day: number, hour: number) => new Date(Date.UTC(2031, 2, day, hour - 8));

  it('schedules a session, tells the attendees, and refuses a double-booked room or member', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const [mediatorId, labor] = await ids('mediator', 'labor');
    await mediator.case.scheduleSession({ caseId, startsAt: at(3, 9), endsAt: at(3, 11), room: '第一调解室', memberIds: [mediatorId!, labor!], partyIds: [partyA] });
    const laborInbox = await (await callerAs(handle.db, 'labor')).inbox.list();
    expect(laborInbox[0]).toMatchObject({ kind: 'session' });
    const partyView = await (await callerAs(handle.db, '13800000001')).case.get({ caseId });
    expect(partyView.sessions).toEqual([expect.objectContaining({ room: '第一调解室', status: 'scheduled', minutes: null })]);

    // Another case of the center, the same room, overlapping.
    const other = await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId, { respondent: { kind: 'person', name: '排期冲突对方' } }));
    const clerk = await callerAs(handle.db, 'clerk');
    const room = await httpCall(handle.db, 'clerk', 'case.scheduleSession', { caseId: other.id, startsAt: at(3, 10), endsAt: at(3, 12), room: '第一调解室' }, { method: 'POST' });
    expect(room.status).toBe(409);
    expect(room.body.error?.json.data.fieldErrors).toEqual({ room: '第一调解室 在 2031/3/3 09:00 已有安排，请换时间或房间' });
    // Back to back is fine; a member on two panels cannot be in two sessions at once.
    await clerk.case.scheduleSession({ caseId: other.id, startsAt: at(3, 11), endsAt: at(3, 12), room: '第一调解室' });
    const director = await callerAs(handle.db, 'director');
    const otherView = await clerk.case.get({ caseId: other.id });
    await clerk.intake.decide({ caseId: other.id, decision: 'accept', expectedVersion: otherView.version });
    await director.panel.assign({ caseId: other.id, members: [{ userId: labor!, isLead: true }], expectedVersion: otherView.version + 1 });
    const busy = await httpCall(handle.db, 'director', 'case.scheduleSession', { caseId: other.id, startsAt: at(3, 8), endsAt: at(3, 10), room: '第二调解室', memberIds: [labor] }, { method: 'POST' });
    expect(busy.status).toBe(409);
    expect(busy.body.error?.json.message).toBe('刘洋 在 2031/3/3 09:00 已有其他调解会');
  });

  it('records minutes for the panel and the outcome for everyone', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const session = (await mediator.case.get({ caseId })).sessions[0]!;
    await mediator.case.recordSession({ caseId, sessionId: session.id, minutes: '双方就分期支付达成一致意见', outcome: 'agreement' });
    const partyView = await (await callerAs(handle.db, '13800000001')).case.get({ caseId });
    expect(partyView.sessions[0]).toMatchObject({ status: 'held', outcome: 'agreement', minutes: null });
    expect(JSON.stringify(partyView)).not.toContain('分期支付');
    expect((await mediator.case.get({ caseId })).sessions[0]!.minutes).toBe('双方就分期支付达成一致意见');
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
    expect(laborInbox[0]).toMatchObject({ kind: 'checklist', body: expect.objectContaining({ label: '考勤记录', dueOn: '2031-03-01' }) });

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

describe('the case header', () => {
  it('shows the handling clock, 60 days from acceptance', async () => {
    const view = await (await callerAs(handle.db, 'mediator')).case.get({ caseId });
    expect(view.clock).toMatchObject({ kind: 'handling', daysLeft: 60 });
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
