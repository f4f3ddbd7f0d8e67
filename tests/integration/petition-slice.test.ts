import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, caseParties, cases } from '../../db/schema';
import { daysLeft } from '../../server/domain/clocks';
import { anonymousCaller, callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, timelineOf, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let jiashanId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  jiashanId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

// Each petition names its own respondent, so none is taken for a repeat of another.
let respondentNo = 0;
const petition = (overrides: Record<string, unknown> = {}) =>
  wagePetition(jiashanId, { respondent: { kind: 'person', name: `被申请人${++respondentNo}` }, ...overrides });

describe('a petition through every layer', () => {
  it('is registered with a case number and appears under the petitioner’s cases and in the clerk’s queue', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    expect(created.caseNumber).toMatch(/^330421-\d{4}-\d{6}$/);
    expect(created.trackingCode).toMatch(/^[2-9A-Z]{8}$/);

    const mine = (await petitioner.petition.mine()).rows;
    expect(mine.map((c) => c.id)).toContain(created.id);
    expect(mine.find((c) => c.id === created.id)).toMatchObject({ status: 'registered', channel: 'online' });

    const clerk = await callerAs(handle.db, 'clerk');
    const queue = (await clerk.intake.queue()).rows;
    const queued = queue.find((c) => c.id === created.id);
    expect(queued).toMatchObject({ applicant: '王大海', title: petition().title });
    // The acceptance clock runs from receipt: 15 days, more only when the last day is a rest day.
    expect(queued!.clock).toMatchObject({ kind: 'acceptance', paused: false });
    expect(queued!.clock!.daysLeft).toBe(daysLeft(created.acceptanceDueAt!, new Date()));
    expect(queued!.clock!.daysLeft).toBeGreaterThanOrEqual(15);

    const view = await clerk.case.get({ caseId: created.id });
    expect((await timelineOf(clerk, created.id)).map((e) => e.title)).toEqual(['王大海 提交了申请，案件已登记']);
    expect(view.trackingCode).toBe(created.trackingCode);
    expect((await petitioner.case.get({ caseId: created.id })).trackingCode).toBe(created.trackingCode);
    // A supervisor reads the case but not the code that opens the public tracking page.
    expect((await (await callerAs(handle.db, 'supervisor')).case.get({ caseId: created.id })).trackingCode).toBeNull();
    // Masked for everyone by default, the clerk included.
    expect(view.parties[0]).toMatchObject({ role: 'applicant', name: '王大海', phone: '138****0001', idNumber: '3304**********123X' });
    const own = await petitioner.case.get({ caseId: created.id });
    expect(own.parties[0]).toMatchObject({ phone: '138****0001', idNumber: '3304**********123X' });
  });

  it('numbers cases consecutively within the center and year', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const a = await submitNew(petitioner, petition());
    const b = await submitNew(petitioner, petition());
    const seq = (n: string) => Number(n.split('-')[2]);
    expect(seq(b.caseNumber)).toBe(seq(a.caseNumber) + 1);
  });

  it('is NOT_FOUND for the other center’s clerk and for another petitioner, also through the raw endpoint', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());

    const clerk2 = await callerAs(handle.db, 'clerk2');
    expect((await refusal(clerk2.case.get({ caseId: created.id }))).code).toBe('NOT_FOUND');
    expect((await clerk2.intake.queue()).rows.map((c) => c.id)).not.toContain(created.id);

    const other = await registerAnotherPetitioner();
    expect((await refusal(other.case.get({ caseId: created.id }))).code).toBe('NOT_FOUND');
    expect(await other.petition.mine()).toEqual({ rows: [], total: 0, page: 1, pages: 1 });

    const raw = await httpCall(handle.db, 'clerk2', 'case.get', { caseId: created.id });
    expect(raw.status).toBe(404);
    expect(raw.body.error?.json.data.code).toBe('NOT_FOUND');
    // The same answer as for a case that does not exist at all.
    const missing = await httpCall(handle.db, 'clerk2', 'case.get', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.json.message).toBe(raw.body.error?.json.message);
  });

  it('shows the petitioner a masked view of nothing but party-visible entries', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.case.post({ caseId: created.id, text: 'internal assessment', visibility: 'panel' });
    expect((await timelineOf(petitioner, created.id)).map((e) => e.kind)).toEqual(['registered']);
    expect((await timelineOf(clerk, created.id)).map((e) => e.kind)).toEqual(['registered', 'note']);
  });

  it('refuses empty and oversized fields per field, in the caller’s language, and stores nothing', async () => {
    const before = await handle.db.select({ n: count() }).from(cases);
    const auditBefore = await handle.db.select({ n: count() }).from(auditLog);
    // The form sends '' for a center not yet chosen.
    const bad = { ...petition(), title: '   ', description: 'x'.repeat(5001), centerId: '' };

    const zh = await httpCall(handle.db, '13800000001', 'petition.submit', bad, { method: 'POST' });
    expect(zh.status).toBe(400);
    expect(zh.body.error?.json.message).toBe('请检查填写的内容');
    expect(zh.body.error?.json.data.fieldErrors).toEqual({ title: '此项必填', description: '最多 5000 个字', centerId: '请选择受理中心' });
    expect(zh.body.error?.json.data.stack).toBeUndefined();

    const en = await httpCall(handle.db, '13800000001', 'petition.submit', bad, { method: 'POST', locale: 'en' });
    expect(en.body.error?.json.data.fieldErrors).toEqual({
      title: 'Required',
      description: 'At most 5000 characters',
      centerId: 'Please choose a center',
    });

    const after = await handle.db.select({ n: count() }).from(cases);
    const auditAfter = await handle.db.select({ n: count() }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(auditAfter[0]!.n).toBe(auditBefore[0]!.n);
  });

  it('refuses a petition to a center that does not exist without leaving a half-written case', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const before = await handle.db.select({ n: count() }).from(caseParties);
    const refused = await refusal(petitioner.petition.submit(petition({ centerId: '00000000-0000-4000-8000-000000000000' })));
    expect(refused.code).toBe('BAD_REQUEST');
    const after = await handle.db.select({ n: count() }).from(caseParties);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('asks an anonymous caller to sign in', async () => {
    const anonymous = await anonymousCaller(handle.db);
    expect((await refusal(anonymous.petition.mine())).code).toBe('UNAUTHORIZED');
    const raw = await httpCall(handle.db, null, 'petition.mine', undefined);
    expect(raw.status).toBe(401);
    expect(raw.body.error?.json.message).toBe('请先登录');
  });

  it('records the registration on the timeline and in the audit log in one go', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['case.registered']);
    const [event] = await timelineOf(petitioner, created.id);
    expect(audit[0]!.data).toEqual({ eventId: event!.id, visibility: 'parties' });
  });
});

let extraPhone = 13900000000;
async function registerAnotherPetitioner() {
  const anonymous = await anonymousCaller(handle.db);
  const phone = String(++extraPhone);
  const { demoCode } = await anonymous.auth.requestCode({ phone });
  await anonymous.auth.register({ phone, code: demoCode!, name: '李四', password: 'another-pass-1' });
  return callerAs(handle.db, phone);
}

describe('full ID numbers and phones', () => {
  it('are revealed one party at a time to those who work the case, each reveal audited', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, petition());
    const clerk = await callerAs(handle.db, 'clerk');
    const party = (await clerk.case.get({ caseId: created.id })).parties[0]!;
    expect(JSON.stringify(await httpCall(handle.db, 'clerk', 'case.get', { caseId: created.id }))).not.toContain('33042119900101123X');
    expect(await clerk.case.revealContact({ caseId: created.id, partyId: party.id })).toEqual({ phone: '13800000001', idNumber: '33042119900101123X' });
    const clerkUser = await userByLogin(handle.db, 'clerk');
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, party.id));
    expect(audit).toEqual([expect.objectContaining({ actorId: clerkUser.id, action: 'party.reveal_contact', data: { caseId: created.id } })]);
    expect(JSON.stringify(audit)).not.toContain('33042119900101123X');
    // Not the parties (who know their own), not the supervisor, and nobody outside the case.
    expect((await refusal(petitioner.case.revealContact({ caseId: created.id, partyId: party.id }))).code).toBe('FORBIDDEN');
    expect((await refusal((await callerAs(handle.db, 'supervisor')).case.revealContact({ caseId: created.id, partyId: party.id }))).code).toBe('FORBIDDEN');
    expect((await refusal((await callerAs(handle.db, 'clerk2')).case.revealContact({ caseId: created.id, partyId: party.id }))).code).toBe('NOT_FOUND');
    // A party of another case is not found through this one.
    const other = await submitNew(petitioner, petition());
    const otherParty = (await clerk.case.get({ caseId: other.id })).parties[0]!;
    expect((await refusal(clerk.case.revealContact({ caseId: created.id, partyId: otherParty.id }))).code).toBe('NOT_FOUND');
  });
});
