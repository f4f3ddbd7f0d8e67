import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, caseNumberCounters, caseParties, cases, centers, evidenceFiles, notifications, smsOutbox, timelineEvents } from '../../db/schema';
import { formatCaseNumber } from '../../server/domain/case-number';
import { hashIdNumber } from '../../server/pii';
import { evidenceResponse } from '../../server/http';
import { createContext } from '../../server/trpc';
import {
  anonymousCaller,
  callerAs,
  freshDatabase,
  httpCall,
  jiashanCenterId,
  refusal,
  submitNew,
  testIdNumbers,
  tinyPng,
  uploadForm,
  userByLogin,
  wagePetition,
  timelineOf,
} from './harness';

let handle: DatabaseHandle;
let centerId: string;
let respondentNo = 0;
/** A petition about its own respondent, so that it is nobody's duplicate unless a test wants one. */
const petition = (overrides: Record<string, unknown> = {}) =>
  wagePetition(centerId, { respondent: { kind: 'person', name: `独立被申请人${++respondentNo}` }, title: `事项${respondentNo}`, description: `情况说明${respondentNo}`, ...overrides });

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

async function rowCounts() {
  const tables = { cases, caseParties, timelineEvents, auditLog, evidenceFiles };
  const out = {} as Record<keyof typeof tables, number>;
  for (const [name, table] of Object.entries(tables)) {
    out[name as keyof typeof tables] = Number((await handle.db.select({ n: count() }).from(table))[0]!.n);
  }
  return out;
}

async function registerAccount(phone: string, name: string) {
  const anonymous = await anonymousCaller(handle.db);
  const { demoCode } = await anonymous.auth.requestCode({ phone });
  await anonymous.auth.register({ phone, code: demoCode!, name, password: 'worker-pass-1' });
  return callerAs(handle.db, phone);
}

describe('registering at the window', () => {
  it('takes every channel and counts an in-person visit only when the person came', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    for (const channel of ['walk_in', 'hotline', 'letter', 'transfer', 'terminal'] as const) {
      const result = await clerk.intake.register({ ...petition(), channel, inPerson: channel === 'terminal', sourceAgency: channel === 'transfer' ? '县信访局' : undefined });
      expect(result.kind).toBe('registered');
      const view = await clerk.case.get({ caseId: result.id });
      expect(view.channel).toBe(channel);
      expect(view.visitCount).toBe(channel === 'walk_in' || channel === 'terminal' ? 1 : 0);
    }
  });

  it('registers a group petition with each worker, their own claim and up to five representatives', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const workers = testIdNumbers.slice(0, 3).map((idNumber, i) => ({
      name: ['张一', '李二', '王三'][i]!,
      idNumber,
      phone: `1380000010${i}`,
      claimedAmount: `${7000 + i * 500}.50`,
      isRepresentative: i === 0,
    }));
    const result = await clerk.intake.register({ ...petition({ applicants: workers }), channel: 'walk_in' });
    const view = await clerk.case.get({ caseId: result.id });
    const applicants = view.parties.filter((p) => p.role === 'applicant');
    expect(applicants.map((a) => [a.name, a.claimedAmount, a.isRepresentative])).toEqual([
      ['张一', '7000.50', true],
      ['李二', '7500.50', false],
      ['王三', '8000.50', false],
    ]);
    // Stored encrypted, found by hash, shown masked, and in full only when the center's staff ask.
    const [stored] = await handle.db.select().from(caseParties).where(eq(caseParties.idNumberHash, hashIdNumber(testIdNumbers[1]!)));
    expect(stored!.idNumberEncrypted).not.toContain(testIdNumbers[1]);
    expect(applicants[1]!.idNumber).toBe(`${testIdNumbers[1]!.slice(0, 4)}**********${testIdNumbers[1]!.slice(-4)}`);
    expect((await clerk.case.revealContact({ caseId: result.id, partyId: applicants[1]!.id })).idNumber).toBe(testIdNumbers[1]);

    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}`, isRepresentative: true }));
    const tooMany = await httpCall(handle.db, 'clerk', 'intake.register', { ...petition({ applicants: six }), channel: 'walk_in' }, { method: 'POST' });
    expect(tooMany.body.error?.json.data.fieldErrors).toEqual({ applicants: '代表最多 5 名' });
  });

  it('refuses a wrong ID number, mobile or amount per field and stores nothing at all', async () => {
    const before = await rowCounts();
    const bad = petition({
      applicants: [
        { name: '王大海', phone: '13800000001' },
        { name: '错号', idNumber: '330421199001011234', phone: '2380000000', claimedAmount: '12.345' },
      ],
      respondent: { kind: 'organization', name: '某公司', creditCode: '91330421MA2B3C4D5X' },
    });
    const r = await httpCall(handle.db, 'clerk', 'intake.register', { ...bad, channel: 'walk_in' }, { method: 'POST' });
    expect(r.status).toBe(400);
    expect(r.body.error?.json.data.fieldErrors).toEqual({
      'applicants.1.idNumber': '身份证号码不正确，请核对（18 位，最后一位可能是 X）',
      'applicants.1.phone': '请输入 11 位手机号',
      'applicants.1.claimedAmount': '请输入金额（元，最多两位小数）',
      'respondent.creditCode': '统一社会信用代码不正确',
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps a clerk to their own center', async () => {
    const clerk2 = await callerAs(handle.db, 'clerk2');
    expect((await refusal(clerk2.intake.register({ ...petition(), channel: 'walk_in' }))).code).toBe('FORBIDDEN');
  });
});

describe('case numbers and retries', () => {
  it('gives 50 parallel submissions 50 distinct consecutive numbers', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const results = await Promise.all(Array.from({ length: 50 }, () => submitNew(petitioner, petition())));
    const seqs = results.map((r) => Number(r.caseNumber.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    expect(seqs[49]! - seqs[0]!).toBe(49);
  });

  it('numbers past 999,999 with more digits, as the receipt says', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const first = await submitNew(petitioner, petition());
    const [region, yearText] = first.caseNumber.split('-');
    await handle.db
      .update(caseNumberCounters)
      .set({ lastValue: 999_999 })
      .where(and(eq(caseNumberCounters.centerId, centerId), eq(caseNumberCounters.year, Number(yearText))));
    const next = await submitNew(petitioner, petition());
    expect(next.caseNumber).toBe(formatCaseNumber(region!, Number(yearText), 1_000_000));
    expect(next.caseNumber.endsWith('-1000000')).toBe(true);
    const texts = await handle.db.select({ body: smsOutbox.body }).from(smsOutbox).where(eq(smsOutbox.phone, '13800000001'));
    expect(texts.some((t) => t.body.includes(next.caseNumber))).toBe(true);
  });

  it('registers a retried or double-clicked submission once', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const once = petition();
    const before = await rowCounts();
    const results = await Promise.all(Array.from({ length: 5 }, () => petitioner.petition.submit(once)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const after = await rowCounts();
    expect(after.cases - before.cases).toBe(1);
    const again = await petitioner.petition.submit(once);
    expect(again).toEqual(results[0]);
  });

  it('insists that the petitioner is among the applicants', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const r = await httpCall(handle.db, '13800000001', 'petition.submit', petition({ applicants: [{ name: '别人', phone: '13900001111' }] }), { method: 'POST' });
    expect(r.body.error?.json.data.fieldErrors).toEqual({ 'applicants.0.phone': '申请人中须包括您本人（用您注册的手机号）' });
    expect((await petitioner.petition.mine()).rows.some((c) => c.title === '别人')).toBe(false);
  });

  it('refuses a category the center does not offer', async () => {
    const r = await httpCall(handle.db, '13800000001', 'petition.submit', petition({ category: 'astrology' }), { method: 'POST' });
    expect(r.body.error?.json.data.fieldErrors).toEqual({ category: '该中心不受理此类事项，请重新选择' });
  });
});

describe('duplicates, merging and linking', () => {
  it('finds the group case for a worker’s own petition, lets the clerk merge it, and the worker then follows the group case', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const group = await submitNew(
      petitioner,
      wagePetition(centerId, {
        respondent: { kind: 'organization', name: '嘉善县鲜海海鲜店' },
        applicants: [
          { name: '王大海', phone: '13800000001', isRepresentative: true },
          { name: '赵工', phone: '13500000001', idNumber: testIdNumbers[2] },
          { name: '钱工', phone: '13500000002' },
        ],
      }),
    );
    // The worker registers afterwards: their account joins the case they are named in.
    const worker = await registerAccount('13500000001', '赵工');
    expect((await worker.petition.mine()).rows.map((c) => c.id)).toContain(group.id);

    const precheck = await worker.petition.precheck({ centerId, title: '海鲜店拖欠工资', respondent: { name: '嘉善县 鲜海海鲜店' } });
    expect(precheck[0]).toMatchObject({ id: group.id });
    expect(precheck[0]!.reasons).toEqual(expect.arrayContaining(['same_applicant_phone', 'same_respondent']));

    const upload = await worker.evidence.upload(uploadForm(tinyPng(), '工资条.png'));
    const own = await submitNew(
      worker,
      wagePetition(centerId, {
        title: '海鲜店老板拖欠我的工资',
        description: '我在海鲜店打工半年，老板拖欠工资八千元。',
        respondent: { kind: 'organization', name: '嘉善县鲜海海鲜店' },
        applicants: [
          { name: '赵工', phone: '13500000001', idNumber: testIdNumbers[2] },
          { name: '孙工', phone: '13500000003', idNumber: testIdNumbers[3] },
        ],
        evidenceIds: [upload.id],
      }),
    );

    const clerk = await callerAs(handle.db, 'clerk');
    const queued = (await clerk.intake.queue({ search: '赵工' })).rows.find((r) => r.id === own.id);
    expect(queued!.duplicates).toBeGreaterThan(0);
    const view = await clerk.case.get({ caseId: own.id });
    const candidate = view.duplicates.find((d) => d.id === group.id);
    expect(candidate!.reasons).toEqual(expect.arrayContaining(['same_applicant_id', 'same_applicant_phone', 'same_respondent']));
    expect(candidate!.score).toBeGreaterThan(0.8);

    const merged = await clerk.intake.merge({ caseId: own.id, intoCaseId: group.id, expectedVersion: view.version });
    expect(merged).toMatchObject({ applicantsJoined: 1, evidenceMoved: 1 });
    const groupView = await clerk.case.get({ caseId: group.id });
    expect(groupView.parties.filter((p) => p.role === 'applicant').map((p) => p.name)).toEqual(['王大海', '赵工', '钱工', '孙工']);
    expect(groupView.evidence.map((e) => e.fileName)).toEqual(['工资条.png']);
    expect((await timelineOf(clerk, group.id)).map((e) => e.kind)).toContain('merged_in');
    const ownView = await worker.case.get({ caseId: own.id });
    expect(ownView.status).toBe('merged');
    expect(ownView.links).toEqual([expect.objectContaining({ kind: 'merged_into', caseId: group.id })]);
    expect((await timelineOf(worker, own.id)).map((e) => e.kind)).toEqual(['registered', 'merged_into']);
    // Merged petitions leave the queue; the merged case cannot be merged again.
    expect((await clerk.intake.queue()).rows.map((r) => r.id)).not.toContain(own.id);
    expect((await refusal(clerk.intake.merge({ caseId: own.id, intoCaseId: group.id, expectedVersion: ownView.version }))).code).toBe('CONFLICT');
  });

  it('links related cases both ways, once', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const a = await submitNew(petitioner, petition());
    const b = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    expect(await clerk.intake.link({ caseId: a.id, otherCaseId: b.id })).toEqual({ linked: true });
    expect(await clerk.intake.link({ caseId: b.id, otherCaseId: a.id })).toEqual({ linked: false });
    expect((await clerk.case.get({ caseId: a.id })).links).toEqual([expect.objectContaining({ kind: 'related', caseId: b.id })]);
    expect((await clerk.case.get({ caseId: b.id })).links).toEqual([expect.objectContaining({ kind: 'related', caseId: a.id })]);
  });

  it('answers a repeat of a matter in progress with where it stands, not a new case', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const first = await submitNew(petitioner, petition({ respondent: { kind: 'person', name: '楼上住户陈某' }, title: '楼上深夜噪音扰民', description: '楼上住户每晚十二点后仍有很大噪音，多次沟通无果。' }));
    const before = await rowCounts();
    const again = await petitioner.petition.submit(
      petition({ respondent: { kind: 'person', name: '楼上住户陈某' }, title: '楼上深夜噪音扰民', description: '楼上住户每晚十二点后仍有很大噪音，多次沟通无果！' }),
    );
    expect(again).toEqual({ kind: 'repeat', id: first.id, caseNumber: first.caseNumber, status: 'registered' });
    expect((await rowCounts()).cases).toBe(before.cases);
    expect((await timelineOf(petitioner, first.id)).map((e) => e.kind)).toEqual(['registered', 'repeat_petition']);
  });
});

describe('acceptance decisions', () => {
  it('accepts, and the petitioner sees it and is told by inbox and SMS', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.decide({ caseId: created.id, decision: 'accept', expectedVersion: 1 });
    const view = await petitioner.case.get({ caseId: created.id });
    expect(view.status).toBe('accepted');
    expect((await timelineOf(petitioner, created.id)).map((e) => e.kind)).toEqual(['registered', 'accepted']);
    const me = await userByLogin(handle.db, '13800000001');
    const inbox = await handle.db.select().from(notifications).where(eq(notifications.caseId, created.id));
    expect(inbox).toEqual([expect.objectContaining({ userId: me.id, kind: 'event' })]);
    expect((await petitioner.inbox.list()).find((n) => n.caseId === created.id)?.text).toBe(`案件 ${created.caseNumber}：王敏 受理了案件（劳动争议调解）`);
    const sms = await handle.db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13800000001'));
    expect(sms.map((m) => m.body)).toContain(`【一窗】案件 ${created.caseNumber}：王敏 受理了案件（劳动争议调解）`);
  });

  it('declines only with a reason and where to go instead, and transfers only to a listed agency', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const clerk = await callerAs(handle.db, 'clerk');
    const [court, arbitration] = await clerk.intake.destinations();
    const a = await submitNew(petitioner, petition());
    const missing = await httpCall(handle.db, 'clerk', 'intake.decide', { caseId: a.id, decision: 'decline', expectedVersion: 1 }, { method: 'POST' });
    expect(missing.body.error?.json.data.fieldErrors).toEqual({ reason: '此项必填' });
    await clerk.intake.decide({ caseId: a.id, decision: 'decline', reason: '已进入诉讼程序', destinationId: court!.id, expectedVersion: 1 });
    const declined = await petitioner.case.get({ caseId: a.id });
    expect(declined.status).toBe('declined');
    expect((await timelineOf(petitioner, a.id)).at(-1)).toMatchObject({
      kind: 'declined',
      title: '王敏 决定不予受理',
      details: ['理由：已进入诉讼程序', `去向：${court!.name}`],
    });

    const b = await submitNew(petitioner, petition());
    const clerk2Destinations = await (await callerAs(handle.db, 'clerk2')).intake.destinations();
    const foreign = await refusal(clerk.intake.decide({ caseId: b.id, decision: 'transfer', destinationId: clerk2Destinations[0]!.id, expectedVersion: 1 }));
    expect(foreign.code).toBe('BAD_REQUEST');
    await clerk.intake.decide({ caseId: b.id, decision: 'transfer', destinationId: arbitration!.id, expectedVersion: 1 });
    expect((await petitioner.case.get({ caseId: b.id })).status).toBe('transferred');
  });

  it('refuses a decision made on a stale view, saying who changed the case', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.case.recordVisit({ caseId: created.id });
    await clerk.intake.link({ caseId: created.id, otherCaseId: (await submitNew(petitioner, petition())).id });
    const stale = await httpCall(handle.db, 'director', 'intake.decide', { caseId: created.id, decision: 'accept', expectedVersion: 0 + 1 }, { method: 'POST' });
    // Linking bumped the version: the director's view from before is stale.
    expect(stale.status).toBe(409);
    expect(stale.body.error?.json.message).toMatch(/^该案件已被 王敏 于 .+ 修改，请刷新后再操作$/);
    expect((await petitioner.case.get({ caseId: created.id })).status).toBe('registered');
  });

  it('does not decide twice', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.decide({ caseId: created.id, decision: 'accept', expectedVersion: 1 });
    const twice = await refusal(clerk.intake.decide({ caseId: created.id, decision: 'decline', reason: 'x', destinationId: (await clerk.intake.destinations())[0]!.id, expectedVersion: 2 }));
    expect(twice.code).toBe('CONFLICT');
  });
});

describe('evidence', () => {
  it('checks the type by content and the size, and lets only those who may see the case download', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const notMultipart = await httpCall(handle.db, '13800000001', 'evidence.upload', { file: 'x' }, { method: 'POST' });
    expect(notMultipart.status).toBe(400);
    const renamed = await refusal(petitioner.evidence.upload(uploadForm(Buffer.from('just text, not a photo'), 'photo.jpg')));
    expect(renamed.code).toBe('BAD_REQUEST');

    process.env.EVIDENCE_MAX_BYTES = '50';
    const big = await refusal(petitioner.evidence.upload(uploadForm(tinyPng(), 'big.png')));
    delete process.env.EVIDENCE_MAX_BYTES;
    expect(big.code).toBe('BAD_REQUEST');

    const file = await petitioner.evidence.upload(uploadForm(tinyPng(), '../../etc/现场照片.png'));
    expect(file).toMatchObject({ fileName: '现场照片.png', mimeType: 'image/png' });
    const created = await submitNew(petitioner, petition({ evidenceIds: [file.id] }));
    // A file attaches once.
    expect((await refusal(petitioner.petition.submit(petition({ evidenceIds: [file.id] })))).code).toBe('BAD_REQUEST');

    // Submitted in several forms at once, a file goes with one of them; the others are refused
    // and leave nothing behind: no case, no number used.
    const shared = await petitioner.evidence.upload(uploadForm(tinyPng(), '合同.png'));
    const casesBefore = await handle.db.$count(cases);
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => petitioner.petition.submit(petition({ evidenceIds: [shared.id] }))));
    const registered = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value.kind === 'registered' ? [o.value] : []));
    expect(registered).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) expect((o.reason as { code?: string }).code).toBe('BAD_REQUEST');
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(3);
    expect(await handle.db.$count(cases)).toBe(casesBefore + 1);
    const after = await submitNew(petitioner, petition());
    expect(Number(after.caseNumber.split('-')[2])).toBe(Number(registered[0]!.caseNumber.split('-')[2]) + 1);

    const download = async (login: string) => {
      const user = await userByLogin(handle.db, login);
      const ctx = await createContext({ db: handle.db, claims: { userId: user.id, sessionVersion: user.sessionVersion } });
      return evidenceResponse(ctx, file.id);
    };
    const own = await download('13800000001');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer()).equals(tinyPng())).toBe(true);
    expect((await download('clerk')).status).toBe(200);
    expect((await download('clerk2')).status).toBe(404);
    expect((await download('mediator')).status).toBe(404);
    await registerAccount('13500000009', '路人');
    expect((await download('13500000009')).status).toBe(404);

    // A file the staff keep to the panel is not the party's to read.
    const clerk = await callerAs(handle.db, 'clerk');
    const internal = await clerk.evidence.upload(uploadForm(tinyPng(), '内部评估.png', { caseId: created.id, visibility: 'panel' }));
    const partyView = await petitioner.case.get({ caseId: created.id });
    expect(partyView.evidence.map((e) => e.fileName)).toEqual(['现场照片.png']);
    // A party adds files only where every party sees them.
    const partyPanelFile = await refusal(petitioner.evidence.upload(uploadForm(tinyPng(), '给小组.png', { caseId: created.id, visibility: 'panel' })));
    expect(partyPanelFile.code).toBe('FORBIDDEN');
    const me = await userByLogin(handle.db, '13800000001');
    const res = await evidenceResponse(await createContext({ db: handle.db, claims: { userId: me.id, sessionVersion: me.sessionVersion } }), internal.id);
    expect(res.status).toBe(404);
  });
});

describe('public tracking', () => {
  it('shows status and party-visible steps to whoever has all three keys, nothing otherwise', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.case.recordVisit({ caseId: created.id, note: '内部备注' });
    await clerk.intake.decide({ caseId: created.id, decision: 'accept', expectedVersion: 1 });
    const anonymous = await anonymousCaller(handle.db);
    const found = await anonymous.tracking.lookup({ caseNumber: created.caseNumber, trackingCode: created.trackingCode, phoneLast4: '0001' });
    expect(found).toMatchObject({ caseNumber: created.caseNumber, status: 'accepted' });
    expect(found.timeline.map((e) => e.kind)).toEqual(['registered', 'accepted']);
    expect(JSON.stringify(found)).not.toContain('王大海');
    for (const wrong of [
      { caseNumber: created.caseNumber, trackingCode: created.trackingCode, phoneLast4: '9999' },
      { caseNumber: created.caseNumber, trackingCode: 'ZZZZZZZZ', phoneLast4: '0001' },
    ]) {
      expect((await refusal(anonymous.tracking.lookup(wrong))).code).toBe('NOT_FOUND');
    }
  });

  it('asks for the tracking code when it is left empty', async () => {
    const r = await httpCall(handle.db, null, 'tracking.lookup', { caseNumber: '330421-2026-000001', trackingCode: ' ', phoneLast4: '0001' }, { method: 'POST' });
    expect(r.body.error?.json.data.fieldErrors).toEqual({ trackingCode: '请输入查询码' });
  });

  it('stops guessing from one address', async () => {
    const guesser = await anonymousCaller(handle.db);
    const codes: string[] = [];
    for (let i = 0; i < 25; i++) {
      codes.push((await refusal(guesser.tracking.lookup({ caseNumber: '330421-2026-000001', trackingCode: `GUESS${i}`, phoneLast4: '0001' }))).code!);
    }
    expect(codes.slice(-3)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });
});

describe('the supervisor’s view of a center', () => {
  it('lists the cases of a center in the region, newest first, and each opens', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition({ title: '督导可见的案件' }));
    const supervisor = await callerAs(handle.db, 'supervisor');
    const list = await supervisor.center.cases({ centerId });
    expect(list.center.regionCode).toBe('330421');
    expect(list.rows[0]).toMatchObject({ id: created.id, title: '督导可见的案件' });
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect((await supervisor.case.get({ caseId: created.id })).caseNumber).toBe(created.caseNumber);
  });

  it('says a center outside the region does not exist', async () => {
    const supervisor = await callerAs(handle.db, 'supervisor');
    const [qingpu] = await handle.db.select({ id: centers.id }).from(centers).where(eq(centers.regionCode, '310118'));
    expect((await refusal(supervisor.center.cases({ centerId: qingpu!.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(supervisor.center.cases({ centerId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
  });
});

describe('the intake queue', () => {
  it('filters, searches and pages on the server', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const hotline = await clerk.intake.register({ ...petition({ applicants: [{ name: '热线来电人', phone: '13677776666' }] }), channel: 'hotline' });
    const byChannel = await clerk.intake.queue({ channel: 'hotline' });
    expect(byChannel.rows.every((r) => r.channel === 'hotline')).toBe(true);
    expect(byChannel.rows.map((r) => r.id)).toContain(hotline.id);
    expect((await clerk.intake.queue({ search: '7776666' })).rows.map((r) => r.id)).toEqual([hotline.id]);
    expect((await clerk.intake.queue({ search: '热线来电' })).rows.map((r) => r.id)).toEqual([hotline.id]);
    expect((await clerk.intake.queue({ search: hotline.caseNumber })).rows.map((r) => r.id)).toEqual([hotline.id]);

    const all = await clerk.intake.queue({ pageSize: 5 });
    expect(all.total).toBeGreaterThan(10);
    const page2 = await clerk.intake.queue({ pageSize: 5, page: 2 });
    expect(page2.rows).toHaveLength(5);
    expect(page2.rows.map((r) => r.id)).not.toContain(all.rows[0]!.id);
    expect(page2.total).toBe(all.total);
    // Past the last page: no rows, the same count.
    const pages = Math.ceil(all.total / 5);
    expect(all.pages).toBe(pages);
    const beyond = await clerk.intake.queue({ pageSize: 5, page: pages + 1 });
    expect(beyond).toEqual({ rows: [], total: all.total, page: pages + 1, pages });
    expect(byChannel.rows.find((r) => r.id === hotline.id)).toMatchObject({ applicant: '热线来电人', applicantCount: 1 });
    // Everything here was registered today: 15 days left (more when day 15 is a rest day), none due within two weeks.
    expect((await clerk.intake.queue({ dueWithinDays: 14 })).total).toBe(0);
    expect((await clerk.intake.queue({ dueWithinDays: 24 })).total).toBe(all.total);
  });
});

describe('links and merges as the people involved see them', () => {
  it('merges a petition into a case it is already linked to: the link becomes the merge', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const a = await submitNew(petitioner, petition());
    const b = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.link({ caseId: a.id, otherCaseId: b.id });
    const version = (await clerk.case.get({ caseId: a.id })).version;
    await clerk.intake.merge({ caseId: a.id, intoCaseId: b.id, expectedVersion: version });
    expect((await clerk.case.get({ caseId: a.id })).links).toEqual([expect.objectContaining({ kind: 'merged_into', caseId: b.id })]);
  });

  it('shows a petitioner only the linked cases they are a party to', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const mine = await submitNew(petitioner, petition());
    const stranger = await registerAccount('13500000021', '陌生人');
    const theirs = await submitNew(stranger, wagePetition(centerId, { respondent: { kind: 'person', name: '陌生人的对方' }, applicants: [{ name: '陌生人', phone: '13500000021' }] }));
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.link({ caseId: mine.id, otherCaseId: theirs.id });
    expect((await clerk.case.get({ caseId: mine.id })).links.map((l) => l.caseNumber)).toEqual([theirs.caseNumber]);
    const raw = await httpCall(handle.db, '13800000001', 'case.get', { caseId: mine.id });
    expect(raw.status).toBe(200);
    expect(JSON.stringify(raw.body)).not.toContain(theirs.caseNumber);
  });

  it('files uploaded before a petition exists are the parties’ evidence: no other visibility is accepted', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const planted = await refusal(petitioner.evidence.upload(uploadForm(tinyPng(), '藏起来.png', { visibility: 'internal' })));
    expect(planted.code).toBe('FORBIDDEN');
    const file = await petitioner.evidence.upload(uploadForm(tinyPng(), '照片.png'));
    const created = await submitNew(petitioner, petition({ evidenceIds: [file.id] }));
    expect((await petitioner.case.get({ caseId: created.id })).evidence.map((e) => e.fileName)).toEqual(['照片.png']);
  });
});

describe('in-person visits', () => {
  it('keeps a merged walk-in’s visit on the case it joins (最多跑一次 counts the person, not the paperwork)', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const group = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    const walkIn = await clerk.intake.register({ ...petition({ applicants: [{ name: '来访工人', phone: '13611113333' }] }), channel: 'walk_in', inPerson: true });
    expect((await clerk.case.get({ caseId: walkIn.id })).visitCount).toBe(1);
    expect((await clerk.case.get({ caseId: group.id })).visitCount).toBe(0);
    await clerk.intake.merge({ caseId: walkIn.id, intoCaseId: group.id, expectedVersion: 1 });
    expect((await clerk.case.get({ caseId: group.id })).visitCount).toBe(1);
  });
});
