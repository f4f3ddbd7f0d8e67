import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { caseClocks, followUpVisits } from '../../db/schema';
import { addDays, localDateOf } from '../../server/domain/calendar';
import { callerAs, freshDatabase, jiashanCenterId, refusal, submitNew, testIdNumbers, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
const today = () => localDateOf(new Date());

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

async function acceptedCase(track: 'labor_mediation' | 'petition', respondent: string) {
  const petitioner = await callerAs(handle.db, '13800000001');
  const created = await submitNew(
    petitioner,
    wagePetition(centerId, { respondent: { kind: 'organization', name: respondent }, applicants: [{ name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], claimedAmount: '3000', isRepresentative: true }] }),
  );
  const director = await callerAs(handle.db, 'director');
  await director.intake.decide({ caseId: created.id, decision: 'accept', track, expectedVersion: 1 });
  return { caseId: created.id, director };
}

const version = async (caseId: string) => (await (await callerAs(handle.db, 'clerk')).case.get({ caseId })).version;

describe('follow-up visits (回访)', () => {
  it('plans a visit 30 days after closure on its own clock; recording it ends the clock; a dispute that came back is taken up again by the director', async () => {
    const { caseId, director } = await acceptedCase('labor_mediation', '回访测试公司');
    const mediator = await userByLogin(handle.db, 'mediator');
    await director.panel.assign({ caseId, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
    await director.resolution.close({ caseId, outcome: 'resolved', expectedVersion: await version(caseId) });

    const lead = await callerAs(handle.db, 'mediator');
    const [visit] = await lead.aftercare.followUps({ caseId });
    expect(visit).toMatchObject({ reason: 'after_closure', dueOn: addDays(today(), 30), doneAt: null });
    const clock = () => handle.db.select({ state: caseClocks.state }).from(caseClocks).where(and(eq(caseClocks.subjectId, visit!.id), eq(caseClocks.kind, 'follow_up')));
    expect((await clock())[0]!.state).toBe('running');
    // Parties do not see the staff's visit records.
    expect(await (await callerAs(handle.db, '13800000001')).aftercare.followUps({ caseId })).toEqual([]);

    await lead.aftercare.recordFollowUp({ caseId, visitId: visit!.id, method: 'phone', honoured: 'partly', satisfaction: 'basically_satisfied', newDispute: true, measures: '公司仍欠一千元，约双方再调解' });
    expect((await clock())[0]!.state).toBe('stopped');
    expect((await refusal(lead.aftercare.recordFollowUp({ caseId, visitId: visit!.id, method: 'phone', newDispute: false }))).message).toBe('followUp.alreadyRecorded');
    const [row] = await handle.db.select().from(followUpVisits).where(eq(followUpVisits.id, visit!.id));
    expect(row).toMatchObject({ honoured: 'partly', newDispute: true, method: 'phone' });

    expect((await refusal(lead.aftercare.reopen({ caseId, reason: '纠纷复发', expectedVersion: await version(caseId) }))).code).toBe('FORBIDDEN');
    await director.aftercare.reopen({ caseId, reason: '回访发现公司仍欠一千元', expectedVersion: await version(caseId) });
    const view = await director.case.get({ caseId });
    expect(view.status).toBe('reopened');
    expect(view.clocks.map((c) => c.kind)).toContain('handling');
  });
});

describe('review requests (复查 / 复核)', () => {
  it('records a review of the reply, its answer, then a re-review ordered redone — which reopens the petition', async () => {
    const { caseId, director } = await acceptedCase('petition', '复查测试单位');
    await director.resolution.reply({ caseId, decision: 'not_supported', text: '经核查，诉求缺乏依据。', expectedVersion: await version(caseId) });
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.aftercare.requestReview({ caseId, level: 'review', body: '嘉兴市信访局', requestedOn: today() });
    expect((await refusal(clerk.aftercare.requestReview({ caseId, level: 're_review', body: '浙江省信访局', requestedOn: today() }))).message).toBe('review.pending_refusal');
    const answerClock = await handle.db.select({ dueAt: caseClocks.dueAt, state: caseClocks.state }).from(caseClocks).where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.kind, 'review_answer')));
    expect(answerClock).toHaveLength(1);
    expect(answerClock[0]!.state).toBe('running');

    await clerk.aftercare.decideReview({ caseId, level: 'review', decision: 'upheld', decidedOn: today() });
    expect((await clerk.case.get({ caseId })).status).toBe('closed');
    await clerk.aftercare.requestReview({ caseId, level: 're_review', body: '浙江省信访局', requestedOn: today() });
    const planned = await handle.db.select({ id: followUpVisits.id }).from(followUpVisits).where(and(eq(followUpVisits.caseId, caseId), eq(followUpVisits.reason, 'after_closure')));
    expect(planned).toHaveLength(1);
    await clerk.aftercare.decideReview({ caseId, level: 're_review', decision: 'redo', decidedOn: today(), note: '责令重新核查' });
    expect((await clerk.case.get({ caseId })).status).toBe('reopened');
    // A reopened petition takes no new review request until it has a new reply.
    expect((await refusal(clerk.aftercare.requestReview({ caseId, level: 'review', body: '嘉兴市信访局', requestedOn: today() }))).message).toBe('review.caseOpen');
    // The visit planned after the closure went with it, and its clock.
    expect(await handle.db.select().from(followUpVisits).where(eq(followUpVisits.caseId, caseId))).toEqual([]);
    expect((await handle.db.select({ state: caseClocks.state }).from(caseClocks).where(eq(caseClocks.subjectId, planned[0]!.id)))[0]!.state).toBe('cancelled');
    const petitioner = await callerAs(handle.db, '13800000001');
    expect((await petitioner.aftercare.reviews({ caseId })).map((r) => [r.level, r.decision])).toEqual([
      ['review', 'upheld'],
      ['re_review', 'redo'],
    ]);
    // Only the center's staff record them.
    expect((await refusal(petitioner.aftercare.requestReview({ caseId, level: 'review', body: 'x', requestedOn: today() }))).code).toBe('FORBIDDEN');
  });

  it('answers a new petition on a re-reviewed matter with the notice that it is not accepted again', async () => {
    const { caseId, director } = await acceptedCase('petition', '复核终结单位');
    await director.resolution.reply({ caseId, decision: 'explained', text: '已作解释。', expectedVersion: await version(caseId) });
    const clerk = await callerAs(handle.db, 'clerk');
    await clerk.aftercare.requestReview({ caseId, level: 'review', body: '嘉兴市信访局', requestedOn: today() });
    await clerk.aftercare.decideReview({ caseId, level: 'review', decision: 'upheld', decidedOn: today() });
    await clerk.aftercare.requestReview({ caseId, level: 're_review', body: '浙江省信访局', requestedOn: today() });
    await clerk.aftercare.decideReview({ caseId, level: 're_review', decision: 'upheld', decidedOn: today() });
    expect((await refusal(clerk.aftercare.requestReview({ caseId, level: 're_review', body: '国家信访局', requestedOn: today() }))).message).toBe('review.finished');

    // The same person comes again with the same matter: the clerk sees the earlier case, marked re-reviewed.
    const petitioner = await callerAs(handle.db, '13800000001');
    const again = await submitNew(
      petitioner,
      wagePetition(centerId, { respondent: { kind: 'organization', name: '复核终结单位' }, applicants: [{ name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], claimedAmount: '3000', isRepresentative: true }] }),
    );
    const view = await clerk.case.get({ caseId: again.id });
    expect(view.duplicates.find((d) => d.id === caseId)).toMatchObject({ reReviewed: true });
    // Only a re-reviewed case can be the reason.
    const open = await acceptedCase('petition', '另一单位');
    expect((await refusal(clerk.intake.refuseAfterReReview({ caseId: again.id, earlierCaseId: open.caseId, expectedVersion: view.version }))).message).toBe('review.notReReviewed');
    await clerk.intake.refuseAfterReReview({ caseId: again.id, earlierCaseId: caseId, expectedVersion: view.version });
    const after = await petitioner.case.get({ caseId: again.id });
    expect(after.status).toBe('declined');
    const [notice] = await petitioner.resolution.documents({ caseId: again.id });
    expect(notice!.kind).toBe('no_further_acceptance');
  });

  it('never takes a review of a mediation', async () => {
    const { caseId, director } = await acceptedCase('labor_mediation', '调解不复查公司');
    const mediator = await userByLogin(handle.db, 'mediator');
    await director.panel.assign({ caseId, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
    await director.resolution.close({ caseId, outcome: 'resolved', expectedVersion: await version(caseId) });
    expect((await refusal(director.aftercare.requestReview({ caseId, level: 'review', body: '嘉兴市信访局', requestedOn: today() }))).message).toBe('review.petitionsOnly');
  });
});
