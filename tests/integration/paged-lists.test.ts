import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { cases, panelMembers } from '../../db/schema';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, userByLogin, wagePetition } from './harness';

// A person's own lists (the petitioner's cases, a panel member's cases) grow with the years;
// both are paged in the database, 20 at a time, so a page costs the same at 20 cases or 2,000.
let handle: DatabaseHandle;
let created: { id: string; caseNumber: string }[] = [];

beforeAll(async () => {
  handle = await freshDatabase();
  const centerId = await jiashanCenterId(handle.db);
  const petitioner = await callerAs(handle.db, '13800000001');
  created = [];
  for (let i = 1; i <= 23; i++) {
    created.push(await submitNew(petitioner, wagePetition(centerId, { title: `第${i}号欠薪`, respondent: { kind: 'person', name: `被申请人${i}` } })));
  }
}, 120_000);
afterAll(() => handle.close());

describe("the petitioner's cases", () => {
  it('come newest first, 20 to a page, with how many there are in all', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const first = await petitioner.petition.mine();
    expect(first).toMatchObject({ total: 23, page: 1, pages: 2 });
    expect(first.rows.map((c) => c.title)).toEqual(Array.from({ length: 20 }, (_, i) => `第${23 - i}号欠薪`));
    const second = await petitioner.petition.mine({ page: 2 });
    expect(second).toMatchObject({ total: 23, page: 2, pages: 2 });
    expect(second.rows.map((c) => c.title)).toEqual(['第3号欠薪', '第2号欠薪', '第1号欠薪']);
    // Each row still carries its running clock.
    expect(second.rows[0]!.clock).toMatchObject({ kind: 'acceptance', paused: false });
  });

  it('past the last page: no rows, and still the right total', async () => {
    const past = await (await callerAs(handle.db, '13800000001')).petition.mine({ page: 7 });
    expect(past).toEqual({ rows: [], total: 23, page: 7, pages: 2 });
  });

  it('refuses a page that is not a page number, in words', async () => {
    for (const page of [0, -1, 1.5, 10_001]) {
      const raw = await httpCall(handle.db, '13800000001', 'petition.mine', { page });
      expect(raw.status).toBe(400);
      expect(raw.body.error?.json.data.fieldErrors?.page).toBeTruthy();
    }
    expect((await refusal((await callerAs(handle.db, '13800000001')).petition.mine({ page: 'x' as unknown as number }))).code).toBe('BAD_REQUEST');
  });
});

describe("a panel member's cases", () => {
  beforeAll(async () => {
    // Seat the mediator on all 23: leading every third, and three of the cases already closed.
    const mediator = await userByLogin(handle.db, 'mediator');
    const rows = await handle.db.select({ id: cases.id, centerId: cases.centerId }).from(cases).where(inArray(cases.id, created.map((c) => c.id)));
    const centerOf = new Map(rows.map((r) => [r.id, r.centerId]));
    await handle.db
      .insert(panelMembers)
      .values(created.map((c, i) => ({ caseId: c.id, centerId: centerOf.get(c.id)!, userId: mediator.id, isLead: i % 3 === 0 })));
    for (const [i, c] of created.entries()) {
      await handle.db.update(cases).set({ status: i < 3 ? 'closed' : 'mediating', updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) }).where(eq(cases.id, c.id));
    }
  });

  it('come open first, the ones they lead first among those, then the most recently changed', async () => {
    const mediator = await callerAs(handle.db, 'mediator');
    const first = await mediator.panel.mine();
    const second = await mediator.panel.mine({ page: 2 });
    expect(first).toMatchObject({ total: 23, page: 1, pages: 2 });
    expect(second.rows).toHaveLength(3);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((c) => c.id)).size).toBe(23);
    const index = new Map(created.map((c, i) => [c.id, i]));
    const openLed = [21, 18, 15, 12, 9, 6, 3];
    const openOthers = [22, 20, 19, 17, 16, 14, 13, 11, 10, 8, 7, 5, 4];
    // The closed ones follow in the same order: the one they led (0), then 2 and 1.
    expect(all.map((c) => index.get(c.id))).toEqual([...openLed, ...openOthers, 0, 2, 1]);
    expect(all.slice(0, 7).every((c) => c.isLead)).toBe(true);
    expect(second.rows.map((c) => c.status)).toEqual(['closed', 'closed', 'closed']);
  });

  it('leave out a case the member has left', async () => {
    await handle.db.update(panelMembers).set({ removedAt: new Date() }).where(eq(panelMembers.caseId, created[22]!.id));
    const mediator = await callerAs(handle.db, 'mediator');
    const first = await mediator.panel.mine();
    expect(first.total).toBe(22);
    expect(first.rows.map((c) => c.id)).not.toContain(created[22]!.id);
    expect((await mediator.panel.mine({ page: 5 })).total).toBe(22);
  });
});
