import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { caseFactMarks, caseFacts, cases } from '../../db/schema';
import { monthOf, monthPeriod, shiftMonth } from '../../server/domain/kpis';
import { rebuildCaseFacts, refreshCaseFacts, settleCaseFacts } from '../../server/services/case-facts';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
const month = monthOf(new Date());

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

const factsOf = async (caseId: string) => (await handle.db.select().from(caseFacts).where(eq(caseFacts.caseId, caseId)))[0];
const submissions = async () => (await (await callerAs(handle.db, 'director')).dashboard.center({ month })).report.figures.find((f) => f.id === 'repeat_rate')!.cases;

describe('the dashboard’s rollup of case facts', () => {
  it('marks a new case in its own transaction and derives its facts on the next read', async () => {
    const before = await submissions();
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '嘉善县某某纺织厂' } }));
    expect(await handle.db.select().from(caseFactMarks).where(eq(caseFactMarks.caseId, created.id))).toHaveLength(1);
    expect(await submissions()).toMatchObject({ denominator: before.denominator + 1 });
    expect(await handle.db.select().from(caseFactMarks)).toHaveLength(0);
    expect(await factsOf(created.id)).toMatchObject({ status: 'registered', people: 1, repeatOfEarlier: false });
  });

  it('sees a change made after the fact, even one written past the services', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '嘉善县后改纺织厂' } }));
    await refreshCaseFacts(handle.db);
    await handle.db.execute(sql`update cases set category = 'neighbour' where id = ${created.id}`);
    await refreshCaseFacts(handle.db);
    expect(await factsOf(created.id)).toMatchObject({ category: 'neighbour' });
  });

  it('marks an earlier case of the same person and matter when they come again after its closure', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const respondent = { kind: 'organization' as const, name: '嘉善县回头纺织厂' };
    const first = await submitNew(petitioner, wagePetition(centerId, { respondent }));
    // Closed a day ago (written directly: the repeat rule is what is under test here).
    await handle.db.execute(sql`update cases set status = 'closed', outcome = 'resolved', closed_at = now() - interval '1 day' where id = ${first.id}`);
    await refreshCaseFacts(handle.db);
    expect(await factsOf(first.id)).toMatchObject({ status: 'closed', repeatedAfterClosure: false });

    const again = await submitNew(petitioner, wagePetition(centerId, { respondent }));
    await refreshCaseFacts(handle.db);
    expect(await factsOf(again.id)).toMatchObject({ repeatOfEarlier: true });
    expect(await factsOf(first.id)).toMatchObject({ repeatedAfterClosure: true });
  });

  it('clears the earlier case’s repeat when the later one turns out to be another person', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const respondent = { kind: 'organization' as const, name: '嘉善县更正纺织厂' };
    const first = await submitNew(petitioner, wagePetition(centerId, { respondent }));
    await handle.db.execute(sql`update cases set status = 'closed', outcome = 'resolved', closed_at = now() - interval '1 day' where id = ${first.id}`);
    const again = await submitNew(petitioner, wagePetition(centerId, { respondent }));
    await refreshCaseFacts(handle.db);
    expect(await factsOf(first.id)).toMatchObject({ repeatedAfterClosure: true });
    // The later case's applicant corrected: someone else entirely.
    await handle.db.execute(sql`update case_parties set id_number_hash = 'another-person', phone = '13911112222' where case_id = ${again.id} and role = 'applicant'`);
    await refreshCaseFacts(handle.db);
    expect(await factsOf(first.id)).toMatchObject({ repeatedAfterClosure: false });
    expect(await factsOf(again.id)).toMatchObject({ repeatOfEarlier: false });
  });

  it('keeps an ended month’s figures only while the center’s facts stay as they were', async () => {
    const director = await callerAs(handle.db, 'director');
    const lastMonth = shiftMonth(month, -1);
    const closedLastMonth = async () =>
      (await director.dashboard.trend({ month })).find((p) => p.period === lastMonth)!.figures.find((f) => f.id === 'resolution_rate')!.cases.denominator;
    const before = await closedLastMonth();
    expect(await closedLastMonth()).toBe(before);
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '嘉善县上月纺织厂' } }));
    const { from } = monthPeriod(lastMonth);
    // Decided and closed last month (written directly: the rollup's bookkeeping is under test).
    await handle.db.execute(sql`update cases set status = 'closed', outcome = 'resolved', decided_at = ${new Date(from.getTime() + 86_400_000).toISOString()}::timestamptz,
      closed_at = ${new Date(from.getTime() + 5 * 86_400_000).toISOString()}::timestamptz where id = ${created.id}`);
    expect(await closedLastMonth()).toBe(before + 1);
  });

  it('refreshes a bounded number of marks per read, the rest at the next', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '嘉善县分批纺织厂' } }));
    await handle.db.execute(sql`update cases set updated_at = now()`);
    const marked = (await handle.db.select().from(caseFactMarks)).length;
    expect(marked).toBeGreaterThan(3);
    await refreshCaseFacts(handle.db, { batches: 1, batchSize: 2 });
    expect(await handle.db.select().from(caseFactMarks)).toHaveLength(marked - 2);
    await refreshCaseFacts(handle.db);
    expect(await handle.db.select().from(caseFactMarks)).toEqual([]);
    expect(await factsOf(created.id)).toMatchObject({ status: 'registered' });
  });

  it('derives every case at once at start when a migration marked more than reads refresh', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'organization', name: '嘉善县批量纺织厂' } }));
    await handle.db.execute(sql`update cases set updated_at = now()`);
    await handle.db.execute(sql`update cases set category = 'consumer' where id = ${created.id}`);
    await settleCaseFacts(handle.db, { from: 1_000_000 });
    expect((await handle.db.select().from(caseFactMarks)).length).toBeGreaterThan(2);
    await settleCaseFacts(handle.db, { from: 2 });
    expect(await handle.db.select().from(caseFactMarks)).toEqual([]);
    expect(await factsOf(created.id)).toMatchObject({ category: 'consumer' });
  });

  it('is what a full rebuild derives', async () => {
    await refreshCaseFacts(handle.db);
    const incremental = await handle.db.select().from(caseFacts).orderBy(caseFacts.caseId);
    expect(incremental.length).toBe((await handle.db.select({ id: cases.id }).from(cases)).length);
    await rebuildCaseFacts(handle.db);
    expect(await handle.db.select().from(caseFacts).orderBy(caseFacts.caseId)).toEqual(incremental);
  });
});
