import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { connectionLost, failedRequirement, onOneConnection, rowsOf, type DatabaseHandle } from '../../db/client';
import { preparedPerHandle } from '../../db/prepared';
import { smsOutbox, users } from '../../db/schema';
import { placeholdersFor, preparedOneStatement, sendTogether } from '../../db/flight';
import { freshDatabase } from './harness';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

// Every action is one transaction.
describe('one transaction per action', () => {
  const message = (key: string) => ({ phone: '13800000000', body: key });
  async function keyRows(key: string) {
    return handle.db.select().from(smsOutbox).where(eq(smsOutbox.body, key));
  }

  it('commits statements sent together', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await handle.db.transaction((tx) =>
      Promise.all([
        tx.insert(smsOutbox).values(message(a)),
        tx.insert(smsOutbox).values(message(b)),
      ]),
    );
    expect((await keyRows(a)).length + (await keyRows(b)).length).toBe(2);
  });

  it('keeps nothing when the body throws after writing', async () => {
    const key = randomUUID();
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(smsOutbox).values(message(key));
        throw new Error('refused after the write');
      }),
    ).rejects.toThrow('refused after the write');
    expect(await keyRows(key)).toEqual([]);
  });

  it('never reports success when a failed statement’s error was caught inside', async () => {
    const key = randomUUID();
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(smsOutbox).values(message(key));
        await tx.execute(sql`select 1 / 0`).catch(() => null);
      }),
    ).rejects.toThrow();
    expect(await keyRows(key)).toEqual([]);
  });

  it('commits statements sent together last, and keeps none of them when one fails', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await handle.db.transaction((tx) => sendTogether([tx.insert(smsOutbox).values(message(a))]));
    expect(await keyRows(a)).toHaveLength(1);
    await expect(
      handle.db.transaction((tx) => sendTogether([tx.insert(smsOutbox).values(message(b)), tx.insert(smsOutbox).values({ ...message(b), id: randomUUID(), phone: null as never })])),
    ).rejects.toThrow();
    expect(await keyRows(b)).toEqual([]);
    // A twin that collides with a committed row fails, and the rest of its work is gone.
    const [row] = await keyRows(a);
    await expect(handle.db.transaction((tx) => sendTogether([tx.insert(smsOutbox).values(message(b)), tx.insert(smsOutbox).values({ ...message(a), id: row!.id })]))).rejects.toThrow();
    expect(await keyRows(b)).toEqual([]);
  });

  it('finishes every statement before the connection goes back to the pool, even those held back behind a failure', async () => {
    // Statements new to the connection (postgres.js describes each before sending the next),
    // behind one that fails: the held-back ones and the COMMIT must still run on this connection.
    const unseen = () => sql.raw(`fresh_${randomUUID().replaceAll('-', '')}`);
    const fails = (tx: Parameters<Parameters<typeof handle.db.transaction>[0]>[0]) => tx.execute(sql`select 1 / ${0}::int as ${unseen()}`);
    await expect(
      handle.db.transaction((tx) =>
        sendTogether([fails(tx), ...Array.from({ length: 4 }, (_, i) => tx.execute(sql`select ${i}::int as ${unseen()}`))]),
      ),
    ).rejects.toThrow();
    await expect(handle.db.transaction((tx) => Promise.all([fails(tx), tx.execute(sql`select ${1}::int as ${unseen()}`)]))).rejects.toThrow();
    for (let i = 0; i < 12; i++) {
      const answer = handle.db.execute(sql`select ${i}::int as i`).then((r) => rowsOf<{ i: number }>(r)[0]!.i);
      const stuck = new Promise((resolve) => setTimeout(() => resolve('stuck'), 5000));
      expect(await Promise.race([answer, stuck])).toBe(i);
    }
  });

  it('leaves the connection usable after a failed transaction', async () => {
    for (let i = 0; i < 15; i++) {
      await expect(handle.db.transaction((tx) => tx.execute(sql`select 1 / 0`))).rejects.toThrow();
    }
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(row!.n).toBeGreaterThan(0);
  });
});

describe('an action written as one statement', () => {
  const bodies = (key: string) => handle.db.select({ body: smsOutbox.body }).from(smsOutbox).where(sql`${smsOutbox.body} like ${`${key}%`}`);
  const message = (key: string) => placeholdersFor('m_', { phone: '13800000000', body: `${key}-1` });

  it('writes every part, a part reading another part’s returned rows; built once, bound per call', async () => {
    for (const key of [randomUUID(), randomUUID()]) {
      const first = message(key);
      const rows = await preparedOneStatement<{ n: number }>(
        handle.db,
        `test-two-parts:${first.shape}`,
        () => ({
          parts: {
            first: handle.db.insert(smsOutbox).values(first.row).returning({ body: smsOutbox.body }),
            second: sql`insert into ${smsOutbox} (phone, body) select '13800000000', body || '-2' from first`,
          },
          answer: sql`select count(*)::int as n from first`,
        }),
        first.values,
      );
      expect(rows).toEqual([{ n: 1 }]);
      expect((await bodies(key)).map((r) => r.body).sort()).toEqual([`${key}-1`, `${key}-1-2`]);
    }
  });

  it('keeps none of its parts when its requirement fails, and says which requirement', async () => {
    const key = randomUUID();
    const first = message(key);
    const attempt = preparedOneStatement(
      handle.db,
      'test-requirement',
      () => ({
        parts: { written: [handle.db.insert(smsOutbox).values(first.row), handle.db.insert(smsOutbox).values({ ...first.row, body: sql`${sql.placeholder('m_body')} || '-b'` })] },
        answer: sql`select require_true(${sql.placeholder('wanted')}::int = 2, 'two_wanted')`,
      }),
      { ...first.values, wanted: 1 },
    );
    const error = await attempt.then(() => null, (e: unknown) => e);
    expect(failedRequirement(error, 'two_wanted')).toBe(true);
    expect(failedRequirement(error, 'something_else')).toBe(false);
    expect(await bodies(key)).toEqual([]);
  });
});

describe('reads sent together on one held connection', () => {
  // Built once on the pool, as the hot reads are; sent on whichever connection asks.
  const backendOf = preparedPerHandle((db) => db.select({ pid: sql<number>`pg_backend_pid()`, n: sql<number>`${sql.placeholder('n')}::int` }).from(users).limit(1).prepare('test_backend'));

  it('runs every statement of the flight, prepared ones too, on that one connection', async () => {
    const pids = await onOneConnection(handle.db, (connection) =>
      Promise.all([
        ...Array.from({ length: 4 }, (_, n) => backendOf(connection).execute({ n }).then(([row]) => ({ pid: row!.pid, n: row!.n }))),
        connection.execute(sql`select pg_backend_pid() as pid`).then((r) => ({ pid: rowsOf<{ pid: number }>(r)[0]!.pid, n: -1 })),
      ]),
    );
    expect(pids.map((p) => p.n)).toEqual([0, 1, 2, 3, -1]);
    expect(new Set(pids.map((p) => p.pid)).size).toBe(1);
    // The statement stays usable on the pool afterwards.
    expect((await backendOf(handle.db).execute({ n: 7 }))[0]!.n).toBe(7);
  });

  it('fails a flight whose connection is cut, and leaves the pool answering', async () => {
    // Another session of the server ends the flight's connection (the pool may have none to spare).
    const server = process.env.TEST_DATABASE_URL ? postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} }) : null;
    const pid = (connection: typeof handle.db) => connection.execute(sql`select pg_backend_pid() as pid`).then((r) => rowsOf<{ pid: number }>(r)[0]!.pid);
    const within = <T>(promise: Promise<T>, what: string) =>
      Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in 5 s`)), 5000))]);
    for (let round = 0; round < 3; round++) {
      const flight = onOneConnection(handle.db, async (connection) => {
        const own = await pid(connection);
        // Statements new to the connection wait behind each other's describe; the first one is
        // still running when the server ends the connection.
        const answers = Promise.all([
          connection.execute(sql`select pg_sleep(0.3), ${round}::int as ${sql.raw(`r${round}_${Date.now()}`)}`),
          ...Array.from({ length: 3 }, (_, i) => connection.execute(sql`select ${i}::int as ${sql.raw(`h${round}_${i}_${Date.now()}`)}`)),
        ]);
        // On PGlite there is no other session to end it: the flight simply succeeds.
        if (server) setTimeout(() => void server`select pg_terminate_backend(${own})`.execute(), 100);
        return answers;
      });
      const outcome = await within(flight.then(() => 'answered', (e: unknown) => (connectionLost(e) ? 'connection lost' : `failed: ${String(e)}`)), 'the flight');
      expect(outcome).toBe(server ? 'connection lost' : 'answered');
      // Statements the pool had already pipelined onto the dying connection fail with it, and
      // every statement is answered; then every connection of the pool answers again.
      const settled = await within(Promise.allSettled(Array.from({ length: 12 }, (_, i) => handle.db.execute(sql`select ${i}::int as i`))), 'the pool');
      for (const s of settled) if (s.status === 'rejected') expect(connectionLost(s.reason)).toBe(true);
      const rows = await within(Promise.all(Array.from({ length: 12 }, (_, i) => handle.db.execute(sql`select ${i}::int as i`))), 'the pool again');
      expect(rows.map((r) => rowsOf<{ i: number }>(r)[0]!.i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    }
    await server?.end();
  });
});

