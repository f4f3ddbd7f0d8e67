import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne, sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, caseClocks, documents, timelineEvents } from '../../db/schema';
import { addDays, localDateOf } from '../../server/domain/calendar';
import { runDeadlineSweep } from '../../server/services/deadline-sweep';
import { runTermSweep } from '../../server/services/performance';
import { centerDashboard } from '../../server/services/dashboard';
import type { SessionUser } from '../../server/auth/session-user';
import { anonymousCaller, callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, testIdNumbers, timelineOf, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
const today = () => localDateOf(new Date());
const workerPhone = '13900007777';

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  const anonymous = await anonymousCaller(handle.db);
  const { demoCode } = await anonymous.auth.requestCode({ phone: workerPhone });
  await anonymous.auth.register({ phone: workerPhone, code: demoCode!, name: '赵工', password: 'Zhao-worker-2026!' });
});
afterAll(() => handle.close());

/** A wage case accepted as a labor mediation, its panel formed (the mediator leads; the judge and the labor official sit on it). */
async function wageCaseInMediation(respondent: string) {
  const petitioner = await callerAs(handle.db, '13800000001');
  const created = await submitNew(
    petitioner,
    wagePetition(centerId, {
      respondent: { kind: 'organization', name: respondent },
      applicants: [
        { name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], claimedAmount: '7000', isRepresentative: true },
        { name: '赵工', phone: workerPhone, idNumber: testIdNumbers[1], claimedAmount: '6000' },
      ],
    }),
  );
  const director = await callerAs(handle.db, 'director');
  await director.intake.decide({ caseId: created.id, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
  const [mediator, judge, labor] = await Promise.all(['mediator', 'judge', 'labor'].map((l) => userByLogin(handle.db, l)));
  await director.panel.assign({
    caseId: created.id,
    members: [
      { userId: mediator!.id, isLead: true },
      { userId: judge!.id, isLead: false },
      { userId: labor!.id, isLead: false },
    ],
    expectedVersion: 2,
  });
  return created;
}

const version = async (caseId: string) => (await (await callerAs(handle.db, 'clerk')).case.get({ caseId })).version;

describe('the wage case from mediation to the last payment', () => {
  let caseId = '';
  let caseNumber = '';
  let agreementId = '';
  const parties: Record<string, string> = {};

  beforeAll(async () => {
    const created = await wageCaseInMediation('嘉善县鲜海海鲜店');
    caseId = created.id;
    caseNumber = created.caseNumber;
  });

  it('adds the rest of the workers from a spreadsheet, checked row by row', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const csv = ['姓名,身份证号,手机号,金额', `钱工,${testIdNumbers[2]},13900007778,5000`, `孙工,${testIdNumbers[3]},13900007779,4000`, '李工,123,13900007780,abc', `重复,${testIdNumbers[1]},,1000`].join('\n');
    const form = new FormData();
    form.set('file', new File([csv], 'roster.csv', { type: 'text/csv' }));
    form.set('caseId', caseId);
    const preview = await clerk.resolution.previewRoster(form);
    expect(preview.map((r) => Object.keys(r.errors))).toEqual([[], [], ['idNumber', 'claimedAmount'], ['idNumber']]);
    expect(preview[3]!.errors.idNumber).toBe('该身份证号已在申请人中');
    const good = preview.filter((r) => Object.keys(r.errors).length === 0).map((r) => ({ ...r.values, isRepresentative: false }));
    const added = await clerk.resolution.addApplicants({ caseId, applicants: good, expectedVersion: await version(caseId) });
    expect(added).toMatchObject({ added: 2, total: 4, claims: '22000.00', amountInDispute: '210000.00' });
    // The same worker twice is refused on their row, and nothing is added.
    const again = await httpCall(handle.db, 'clerk', 'resolution.addApplicants', { caseId, applicants: good, expectedVersion: await version(caseId) }, { method: 'POST' });
    expect(again.body.error?.json.data.fieldErrors).toEqual({ 'applicants.0.idNumber': '该身份证号已在申请人中' });
    const view = await clerk.case.get({ caseId });
    for (const p of view.parties) parties[p.name] = p.id;
    expect(view.parties.filter((p) => p.role === 'applicant').map((p) => p.name)).toEqual(['王大海', '赵工', '钱工', '孙工']);
  });

  it('refuses a roster longer than one case takes, and a workbook that would unpack too large, before reading it', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const upload = (file: File) => {
      const form = new FormData();
      form.set('file', file);
      form.set('caseId', caseId);
      return refusal(clerk.resolution.previewRoster(form));
    };
    const long = ['姓名,手机号', ...Array.from({ length: 600 }, (_, i) => `工人${i},139${String(i).padStart(8, '0')}`)].join('\n');
    expect((await upload(new File([long], 'long.csv', { type: 'text/csv' }))).message).toBe('roster.tooManyRows');
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50_000_000).fill(32) }, { level: 9 });
    expect((await upload(new File([bomb], 'bomb.xlsx'))).message).toBe('roster.fileTooLarge');
  });

  it('lets the lead draft the agreement with a payment to each worker, which the workers see at once as a draft', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const due = addDays(today(), 10);
    const pay = (worker: string, amount: string, dueOn = due) => ({
      kind: 'payment' as const,
      obligorPartyId: parties['嘉善县鲜海海鲜店']!,
      obligeePartyId: parties[worker]!,
      description: `支付${worker}工资`,
      amount,
      dueOn,
    });
    const noAmount = await httpCall(handle.db, 'mediator', 'resolution.saveDraft', {
      caseId, facts: '拖欠工资', issues: '金额', responsibility: '被申请人', terms: [{ ...pay('王大海', '7000'), amount: null }], expectedVersion: await version(caseId),
    }, { method: 'POST' });
    expect(noAmount.body.error?.json.data.fieldErrors).toEqual({ 'terms.0': '付款条款须填写金额' });
    // 孙工's wages were due yesterday (already late when the agreement was made, to see the missed-term route).
    const saved = await mediator.resolution.saveDraft({
      caseId,
      facts: '被申请人拖欠四名工人三个月工资。',
      issues: '欠薪金额及支付期限。',
      responsibility: '被申请人应足额支付。',
      terms: [pay('王大海', '7000'), pay('赵工', '6000'), pay('钱工', '5000'), pay('孙工', '4000', addDays(today(), -1))],
      expectedVersion: await version(caseId),
    });
    agreementId = saved.agreementId;
    const worker = await callerAs(handle.db, workerPhone);
    const [seen] = await worker.resolution.agreements({ caseId });
    expect(seen).toMatchObject({ state: 'draft', total: '22000.00', number: `${caseNumber}-X1` });
    expect(seen!.terms.map((t) => [t.obligeeName, t.amount])).toEqual([['王大海', '7000.00'], ['赵工', '6000.00'], ['钱工', '5000.00'], ['孙工', '4000.00']]);
    expect((await worker.inbox.list())[0]!.text).toBe(`案件 ${caseNumber}：李建国 起草了调解协议书 ${caseNumber}-X1（草稿）`);
    // Only the lead writes it.
    expect((await refusal((await callerAs(handle.db, 'judge')).resolution.saveDraft({ caseId, facts: '', issues: '', responsibility: '', terms: [], expectedVersion: await version(caseId) }))).code).toBe('FORBIDDEN');
    // An oral agreement cannot slip past a pending written draft (a stale page, a second tab).
    const oral = await refusal(mediator.resolution.recordOral({ caseId, content: '口头约定', terms: [pay('王大海', '7000')], expectedVersion: await version(caseId) }));
    expect([oral.code, oral.message]).toEqual(['CONFLICT', 'agreement.draftPending']);
  });

  it('takes effect with the last required mark — the parties first, a worker on their own phone — and is then immutable', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const mediator = await callerAs(handle.db, 'mediator');
    const early = await refusal(mediator.resolution.recordMark({ caseId, agreementId, mark: 'mediator', expectedVersion: await version(caseId) }));
    expect(early.code).toBe('CONFLICT');
    for (const name of ['嘉善县鲜海海鲜店', '王大海', '钱工', '孙工']) {
      await clerk.resolution.recordMark({ caseId, agreementId, mark: 'party', partyId: parties[name]!, method: name === '嘉善县鲜海海鲜店' ? 'seal' : 'fingerprint', expectedVersion: await version(caseId) });
    }
    // 赵工 confirms on the phone: signed in, with the code sent by SMS.
    const worker = await callerAs(handle.db, workerPhone);
    const { demoCode } = await worker.resolution.requestCode({ caseId, agreementId });
    const wrong = await refusal(worker.resolution.confirmByPhone({ caseId, agreementId, code: demoCode === '000000' ? '111111' : '000000', expectedVersion: await version(caseId) }));
    expect(wrong.code).toBe('BAD_REQUEST');
    await worker.resolution.confirmByPhone({ caseId, agreementId, code: demoCode!, expectedVersion: await version(caseId) });
    const [pending] = await mediator.resolution.agreements({ caseId });
    expect(pending!.missing.map((m) => m.kind)).toEqual(['mediator', 'committee_seal']);
    expect(pending!.marks.find((m) => m.partyName === '赵工')).toMatchObject({ method: 'phone_code' });
    await mediator.resolution.recordMark({ caseId, agreementId, mark: 'mediator', expectedVersion: await version(caseId) });
    const director = await callerAs(handle.db, 'director');
    await director.resolution.recordMark({ caseId, agreementId, mark: 'committee_seal', expectedVersion: await version(caseId) });

    const view = await clerk.case.get({ caseId });
    expect(view.status).toBe('performing');
    expect(view.clocks.map((c) => c.kind)).toEqual(['judicial_confirmation']);
    const [effective] = await worker.resolution.agreements({ caseId });
    expect(effective!.state).toBe('effective');
    const docs = await mediator.resolution.documents({ caseId });
    expect(docs.map((d) => d.kind)).toEqual(['mediation_agreement']);
    // Immutable: only a supplementary agreement changes it.
    const edit = await refusal(mediator.resolution.saveDraft({ caseId, facts: 'x', issues: 'x', responsibility: 'x', terms: effective!.terms, expectedVersion: await version(caseId) }));
    expect(edit.message).toBe('agreement.onlySupplement');
    expect((await refusal(clerk.resolution.recordMark({ caseId, agreementId, mark: 'party', partyId: parties['王大海']!, method: 'signature', expectedVersion: await version(caseId) }))).code).toBe('CONFLICT');
  });

  it('shows a worker the agreement with the co-workers’ ID numbers and phones masked; the staff who may reveal them see them', async () => {
    const [worker, clerk, supervisor] = await Promise.all([callerAs(handle.db, workerPhone), callerAs(handle.db, 'clerk'), callerAs(handle.db, 'supervisor')]);
    const [agreement] = await worker.resolution.documents({ caseId });
    const read = async (caller: typeof worker) => JSON.stringify((await caller.resolution.document({ caseId, documentId: agreement!.id })).content);
    for (const masked of [await read(worker), await read(supervisor)]) {
      expect(masked).not.toContain(testIdNumbers[0]);
      expect(masked).not.toContain('13800000001');
      expect(masked).toContain('138****0001');
    }
    expect(await read(clerk)).toContain(testIdNumbers[0]);
    // Each term names its worker by party id, so the printed annex never mixes up two workers of one name.
    const content = JSON.parse(await read(clerk)) as { applicants: { id: string; name: string }[]; terms: { obligee: string; obligeeId: string }[] };
    for (const term of content.terms) expect(content.applicants.find((a) => a.id === term.obligeeId)?.name).toBe(term.obligee);
  });

  it('applies for judicial confirmation (refusing excluded subjects) and records the court’s milestones', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const { court } = await mediator.resolution.confirmationVenue({ caseId });
    expect(court).toBe('嘉善县人民法院驻中心诉调对接工作室');
    const excluded = await httpCall(handle.db, 'mediator', 'resolution.applyForConfirmation', {
      caseId, agreementId, court, venueReason: '调解组织所在地', concerns: ['property_title'], expectedVersion: await version(caseId),
    }, { method: 'POST' });
    expect(excluded.status).toBe(400);
    expect(excluded.body.error?.json.message).toBe('涉及物权、知识产权确权的协议不能申请司法确认');
    await mediator.resolution.applyForConfirmation({ caseId, agreementId, court: court!, venueReason: '调解组织所在地', concerns: [], expectedVersion: await version(caseId) });
    expect((await mediator.case.get({ caseId })).clocks.map((c) => c.kind)).toEqual(['court_acceptance']);
    const judge = await callerAs(handle.db, 'judge');
    expect((await refusal(mediator.resolution.recordCourtDecision({ caseId, step: 'accepted', expectedVersion: await version(caseId) }))).code).toBe('FORBIDDEN');
    // While the court has not decided, the case stays open for its decision.
    const early = await httpCall(handle.db, 'director', 'resolution.close', { caseId, outcome: 'resolved', expectedVersion: await version(caseId) }, { method: 'POST' });
    expect([early.status, early.body.error?.json.message]).toEqual([409, '法院尚未对司法确认申请作出决定，暂不能办结']);
    await judge.resolution.recordCourtDecision({ caseId, step: 'accepted', expectedVersion: await version(caseId) });
    await judge.resolution.recordCourtDecision({ caseId, step: 'confirmed', expectedVersion: await version(caseId) });
    const confirmation = await mediator.resolution.confirmation({ caseId });
    expect(confirmation).toMatchObject({ state: 'confirmed', enforcementUntil: addDays(today(), 10).replace(/^(\d{4})/, (y) => String(Number(y) + 2)) });
    expect((await mediator.resolution.documents({ caseId })).map((d) => d.kind)).toEqual(['mediation_agreement', 'judicial_confirmation_application']);
    // The director's figures for the month count the application and the confirmation.
    const board = await (await callerAs(handle.db, 'director')).dashboard.center({ month: today().slice(0, 7) });
    const figure = (id: string) => board.report.figures.find((f) => f.id === id)!.cases;
    expect([figure('confirmation_application'), figure('confirmation_rate')]).toEqual([
      { numerator: 1, denominator: 1, rate: 1 },
      { numerator: 1, denominator: 1, rate: 1 },
    ]);
  });

  it('records payments per worker (partial ones too), and for the one whose term was missed prepares a payment order with the right amount', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const perf = await clerk.resolution.performance({ caseId });
    const term = (name: string) => perf.terms.find((t) => t.obligeeName === name)!;
    await clerk.resolution.recordPayment({ caseId, termId: term('王大海').id, amount: '7000', paidOn: today(), idempotencyKey: randomUUID() });
    // The same form sent twice at once (a double tap on a slow line): one payment.
    const twice = { caseId, termId: term('赵工').id, amount: '2000', paidOn: today(), idempotencyKey: randomUUID() };
    const answers = await Promise.all([clerk.resolution.recordPayment(twice), clerk.resolution.recordPayment(twice)]);
    expect(answers).toEqual([{ outstanding: '4000.00' }, { outstanding: '4000.00' }]);
    const over = await httpCall(
      handle.db,
      'clerk',
      'resolution.recordPayment',
      { caseId, termId: term('赵工').id, amount: '5000', paidOn: today(), idempotencyKey: randomUUID() },
      { method: 'POST' },
    );
    expect(over.body.error?.json.data.fieldErrors).toEqual({ amount: '超过尚欠金额 ¥4000.00' });
    const after = await clerk.resolution.performance({ caseId });
    expect(after.terms.map((t) => [t.obligeeName, t.status, t.outstanding])).toEqual([
      ['王大海', 'paid', '0.00'],
      ['赵工', 'partly_paid', '4000.00'],
      ['钱工', 'due', '5000.00'],
      ['孙工', 'missed', '4000.00'],
    ]);
    // The worker paid is told; the panel hears of the missed term once, however often the sweep runs.
    expect((await (await callerAs(handle.db, workerPhone)).inbox.list())[0]!.text).toBe(`案件 ${caseNumber}：王敏 记录了付款：赵工 收到 ¥2000.00（${new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${today()}T12:00:00Z`))}）（支付赵工工资）`);
    await runTermSweep(handle.db);
    await runTermSweep(handle.db);
    const mediator = await callerAs(handle.db, 'mediator');
    const missedNotices = (await mediator.inbox.list()).filter((n) => n.text.includes('孙工 的款项已逾期'));
    expect(missedNotices).toHaveLength(1);

    const refusedOrder = await httpCall(handle.db, 'mediator', 'resolution.generatePaymentOrders', { caseId, court: '嘉善县人民法院', employerServable: false }, { method: 'POST' });
    expect(refusedOrder.body.error?.json.data.fieldErrors).toHaveProperty('employerServable');
    // Once the last term (in 10 days) has passed with 孙工 still unpaid, the month's 履行率 counts
    // this agreement as not performed.
    const lastDue = addDays(today(), 10);
    const afterLastDue = new Date(`${addDays(today(), 11)}T12:00:00+08:00`);
    const director = (await userByLogin(handle.db, 'director'))! as unknown as SessionUser;
    const board = await centerDashboard(handle.db, director, { month: lastDue.slice(0, 7) }, afterLastDue);
    expect(board.report.figures.find((f) => f.id === 'performance_rate')!.cases).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    const orders = await mediator.resolution.generatePaymentOrders({ caseId, court: '嘉善县人民法院', employerServable: true });
    expect(orders.map((o) => [o.partyId, o.owed])).toEqual([[parties['孙工'], '4000.00']]);
    const order = await mediator.resolution.document({ caseId, documentId: orders[0]!.id });
    expect(order.content).toMatchObject({ amount: '4000.00', applicant: { name: '孙工', idNumber: testIdNumbers[3] }, respondent: { name: '嘉善县鲜海海鲜店' } });
    // A worker reads their own papers, not another worker's.
    const otherWorker = await callerAs(handle.db, workerPhone);
    expect((await refusal(otherWorker.resolution.document({ caseId, documentId: orders[0]!.id }))).code).toBe('NOT_FOUND');
  });

  it('lets anyone check a printed document against the record, without learning who is in it', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const [agreementDoc] = await mediator.resolution.documents({ caseId });
    const anonymous = await anonymousCaller(handle.db);
    const genuine = await anonymous.verify.document({ documentId: agreementDoc!.id, hash: agreementDoc!.contentHash });
    expect(genuine).toMatchObject({ found: true, matches: true, kind: 'mediation_agreement', caseNumber });
    const text = JSON.stringify(genuine);
    for (const secret of ['王大海', '鲜海海鲜店', testIdNumbers[0]!, '13800000001']) expect(text).not.toContain(secret);
    expect(genuine.found && genuine.names).toContain('王**');
    const tampered = await anonymous.verify.document({ documentId: agreementDoc!.id, hash: 'f'.repeat(64) });
    expect(tampered).toMatchObject({ found: true, matches: false });
    expect(await anonymous.verify.document({ documentId: '00000000-0000-4000-8000-000000000000' })).toEqual({ found: false });
    // A record altered in the database no longer matches its own hash either.
    await handle.db.execute(sql`update documents set content = jsonb_set(content, '{facts}', '"改过的事实"') where id = ${agreementDoc!.id}`);
    expect(await anonymous.verify.document({ documentId: agreementDoc!.id, hash: agreementDoc!.contentHash })).toMatchObject({ matches: false });
  });

  it('closes with the outcome and the money claimed and recovered, which the petitioner sees', async () => {
    const director = await callerAs(handle.db, 'director');
    await director.resolution.close({ caseId, outcome: 'partly_resolved', reason: '两名工人已足额领取', expectedVersion: await version(caseId) });
    const petitioner = await callerAs(handle.db, '13800000001');
    expect(await petitioner.resolution.closure({ caseId })).toMatchObject({ outcome: 'partly_resolved', amountClaimed: '210000.00', amountRecovered: '9000.00', visits: {} });
    const view = await petitioner.case.get({ caseId });
    expect(view.status).toBe('closed');
    expect(view.clocks).toEqual([]);
    expect((await timelineOf(petitioner, caseId)).at(-1)!.title).toBe('沈志华 办结了案件：部分化解');
    // A closed case takes no more workers (whose accounts would then see it).
    const late = await refusal((await callerAs(handle.db, 'clerk')).resolution.addApplicants({ caseId, applicants: [{ name: '后来者', idNumber: testIdNumbers[3], isRepresentative: false }], expectedVersion: await version(caseId) }));
    expect(late.code).toBe('CONFLICT');
  });

  it('wrote exactly one audit row for every event of the case, in the same transactions', async () => {
    const events = await handle.db.select({ id: timelineEvents.id }).from(timelineEvents).where(eq(timelineEvents.caseId, caseId));
    // Refusals are audited too, on their own (no event): they are not changes to the case.
    const audits = await handle.db.select({ eventId: sql<string>`${auditLog.data}->>'eventId'` }).from(auditLog).where(and(eq(auditLog.entityId, caseId), ne(auditLog.action, 'auth.denied')));
    expect(events.length).toBeGreaterThan(20);
    expect(audits.map((a) => a.eventId).sort()).toEqual(events.map((e) => e.id).sort());
  });
});

describe('ending without agreement, and petitions', () => {
  it('stores no amount on an act term (it would count as owed and could never be paid)', async () => {
    const created = await wageCaseInMediation('行为条款测试公司');
    const view = await (await callerAs(handle.db, 'clerk')).case.get({ caseId: created.id });
    const [company, worker] = [view.parties.find((p) => p.role === 'respondent')!, view.parties.find((p) => p.name === '王大海')!];
    const mediator = await callerAs(handle.db, 'mediator');
    await mediator.resolution.saveDraft({
      caseId: created.id,
      facts: '事实',
      issues: '争议',
      responsibility: '责任',
      terms: [{ kind: 'act', obligorPartyId: company.id, obligeePartyId: worker.id, description: '出具离职证明', amount: '500', dueOn: addDays(today(), 5) }],
      expectedVersion: view.version,
    });
    const [draft] = await mediator.resolution.agreements({ caseId: created.id });
    expect(draft!.terms[0]!.amount).toBeNull();
    expect(draft!.total).toBe('0.00');
  });

  it('terminates a mediation a party ended, with the written notice of routes (arbitration for a labor dispute)', async () => {
    const created = await wageCaseInMediation('另一家海鲜店');
    const mediator = await callerAs(handle.db, 'mediator');
    const { documentId } = await mediator.resolution.terminate({ caseId: created.id, kind: 'ended_by_party', reason: '被申请人拒绝继续调解', expectedVersion: await version(created.id) });
    const notice = await mediator.resolution.document({ caseId: created.id, documentId });
    expect(notice).toMatchObject({ kind: 'termination_notice', content: { terminationKind: 'ended_by_party', routes: ['arbitration', 'litigation', 'agency'] } });
    const view = await (await callerAs(handle.db, '13800000001')).case.get({ caseId: created.id });
    expect(view.status).toBe('closed');
    expect((await (await callerAs(handle.db, 'clerk')).resolution.closure({ caseId: created.id }))!.outcome).toBe('terminated');
  });

  it('closes a petition with its written reply, which states the 30-day right to review', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { category: 'land_housing', respondent: { kind: 'organization', name: '某街道办事处' } }));
    const director = await callerAs(handle.db, 'director');
    await director.intake.decide({ caseId: created.id, decision: 'accept', track: 'petition', expectedVersion: 1 });
    expect((await refusal((await callerAs(handle.db, 'clerk')).resolution.reply({ caseId: created.id, decision: 'explained', text: 'x', expectedVersion: 2 }))).code).toBe('FORBIDDEN');
    await director.resolution.reply({ caseId: created.id, decision: 'explained', text: '经核查，征收补偿已按标准发放。', expectedVersion: 2 });
    const [entry] = (await timelineOf(petitioner, created.id)).slice(-1);
    expect(entry!.title).toBe('沈志华 出具了处理意见书：解释说明');
    expect(entry!.details[0]).toMatch(/^如不服，可于 .+ 前向上一级机关申请复查$/);
  });

  it('assigns a matter out (交办) with a report-back date, and closes it when the report comes', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { category: 'property_management', respondent: { kind: 'organization', name: '某物业公司' } }));
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.assignOut({ caseId: created.id, destination: '县住建局', reportDueOn: addDays(today(), 15), expectedVersion: 1 });
    const view = await clerk.case.get({ caseId: created.id });
    expect(view.status).toBe('referred');
    expect(view.clocks.map((c) => c.kind)).toEqual(['report']);
    await clerk.resolution.receiveReport({ caseId: created.id, report: '物业公司已整改', outcome: 'resolved', expectedVersion: view.version });
    expect((await clerk.case.get({ caseId: created.id })).status).toBe('closed');
  });

  it('issues route papers only for a case the center accepted', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '未受理公司' } }));
    const early = await httpCall(handle.db, 'clerk', 'resolution.generateArbitrationApplication', { caseId: created.id, commission: '县劳动人事争议仲裁委员会' }, { method: 'POST' });
    expect([early.status, early.body.error?.json.message]).toEqual([409, '案件受理后才能出具此文书（受理决定前、不予受理或已转出的案件不出具）']);
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.intake.decide({ caseId: created.id, decision: 'accept', expectedVersion: 1 });
    const paper = await clerk.resolution.generateArbitrationApplication({ caseId: created.id, commission: '县劳动人事争议仲裁委员会' });
    expect((await clerk.resolution.documents({ caseId: created.id })).map((d) => d.id)).toContain(paper.id);
  });
});

describe('the judicial-confirmation window', () => {
  it('closes after 30 days with a notice to the parties; an application is then refused', async () => {
    const created = await wageCaseInMediation('第三家海鲜店');
    const mediator = await callerAs(handle.db, 'mediator');
    const clerk = await callerAs(handle.db, 'clerk');
    const view = await clerk.case.get({ caseId: created.id });
    const respondent = view.parties.find((p) => p.role === 'respondent')!;
    const { agreementId } = await mediator.resolution.saveDraft({
      caseId: created.id,
      facts: '欠薪',
      issues: '金额',
      responsibility: '被申请人',
      terms: [{ kind: 'payment', obligorPartyId: respondent.id, obligeePartyId: view.parties[0]!.id, description: '支付工资', amount: '7000', dueOn: addDays(today(), 40) }],
      expectedVersion: view.version,
    });
    for (const p of view.parties) await clerk.resolution.recordMark({ caseId: created.id, agreementId, mark: 'party', partyId: p.id, method: 'signature', expectedVersion: await version(created.id) });
    await mediator.resolution.recordMark({ caseId: created.id, agreementId, mark: 'mediator', expectedVersion: await version(created.id) });
    await mediator.resolution.recordMark({ caseId: created.id, agreementId, mark: 'committee_seal', expectedVersion: await version(created.id) });
    const [window] = await handle.db.select().from(caseClocks).where(and(eq(caseClocks.caseId, created.id), eq(caseClocks.kind, 'judicial_confirmation')));
    await runDeadlineSweep(handle.db, new Date(window!.dueAt!.getTime() + 3600_000));
    const events = await handle.db.select({ kind: timelineEvents.kind }).from(timelineEvents).where(and(eq(timelineEvents.caseId, created.id), eq(timelineEvents.kind, 'confirmation_window_closed')));
    expect(events).toHaveLength(1);
    const late = await refusal(mediator.resolution.applyForConfirmation({ caseId: created.id, agreementId, court: '嘉善县人民法院', venueReason: '调解组织所在地', concerns: [], expectedVersion: await version(created.id) }));
    expect(late.message).toBe('confirmation.windowClosed');
  });

  it('records every generated document with its hash in the audit trail', async () => {
    const rows = await handle.db.select({ id: documents.id, hash: documents.contentHash }).from(documents).limit(3);
    for (const row of rows) {
      const [event] = await handle.db.select({ body: timelineEvents.body, id: timelineEvents.id }).from(timelineEvents).where(sql`${timelineEvents.body}->>'documentId' = ${row.id}`);
      expect(event!.body).toMatchObject({ hash: row.hash });
      const audit = await handle.db.select().from(auditLog).where(sql`${auditLog.data}->>'eventId' = ${event!.id}`);
      expect(audit).toHaveLength(1);
    }
  });
});
