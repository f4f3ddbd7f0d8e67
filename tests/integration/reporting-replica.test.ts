import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachReplica, type DatabaseHandle } from '../../db/client';
import { caseFactMarks, caseFacts } from '../../db/schema';
import { monthOf } from '../../server/domain/kpis';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, wagePetition } from './harness';

let primary: DatabaseHandle;
let replica: DatabaseHandle;
const month = monthOf(new Date());

beforeAll(async () => {
  // The "replica" is a second, separate database: whatever the dashboard shows from it, it read there.
  [primary, replica] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(() => Promise.all([primary.close(), replica.close()]));

describe('the dashboard on a read replica (DATABASE_REPLICA_URL)', () => {
  it('reads its figures from the replica and keeps its writes on the primary', async () => {
    const petitioner = await callerAs(primary.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(await jiashanCenterId(primary.db)));
    const director = await callerAs(primary.db, 'director');
    const submissions = async () => (await director.dashboard.center({ month })).report.figures.find((f) => f.id === 'repeat_rate')!.cases.denominator;
    expect(await submissions()).toBe(1);

    attachReplica(primary.db, replica.db);
    await submitNew(petitioner, wagePetition(await jiashanCenterId(primary.db), { respondent: { kind: 'organization', name: '嘉善县另一家店' } }));
    // The replica holds none of the primary's cases: the figures read there are empty…
    expect(await submissions()).toBe(0);
    expect((await director.dashboard.cases({ month, kpi: 'repeat_rate', side: 'denominator' })).cases).toEqual([]);
    // …while the rollup was brought up to date where the writes go.
    expect(await primary.db.select().from(caseFactMarks)).toEqual([]);
    expect(await primary.db.select({ id: caseFacts.caseId }).from(caseFacts).where(eq(caseFacts.caseId, created.id))).toHaveLength(1);
    expect(await replica.db.select().from(caseFacts)).toEqual([]);
  });
});
