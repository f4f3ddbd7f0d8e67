import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { cases, ratings } from '../../db/schema';
import { monthOf, shiftMonth } from '../../server/domain/kpis';
import { writeDemoHistory } from '../../server/services/demo-history';
import { callerAs, freshDatabase } from './harness';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

describe('the demo’s history', () => {
  it('writes months of cases through the services, so the director sees figures and a trend', async () => {
    const { cases: written } = await writeDemoHistory(handle.db, { months: 3, perMonth: 5 });
    expect(written).toBeGreaterThanOrEqual(12);
    const [{ n }] = (await handle.db.select({ n: count() }).from(cases).where(eq(cases.status, 'closed'))) as [{ n: number }];
    expect(Number(n)).toBeGreaterThan(5);
    expect(((await handle.db.select({ n: count() }).from(ratings)) as [{ n: number }])[0].n).toBeGreaterThan(0);

    const director = await callerAs(handle.db, 'director');
    const lastMonth = shiftMonth(monthOf(new Date()), -1);
    const board = await director.dashboard.center({ month: lastMonth });
    const closure = board.report.figures.find((f) => f.id === 'closure_rate')!;
    expect(closure.cases.denominator).toBeGreaterThan(0);
    const trend = await director.dashboard.trend({ month: monthOf(new Date()) });
    expect(trend.filter((row) => row.figures.some((f) => f.cases.denominator > 0)).length).toBeGreaterThanOrEqual(2);
    // The ratings show in the satisfaction rate of the months they were given in.
    expect(trend.some((row) => row.figures.some((f) => f.id === 'satisfaction' && f.cases.denominator > 0))).toBe(true);
  });
});
