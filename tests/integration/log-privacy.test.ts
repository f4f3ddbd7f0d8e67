import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { hashIdNumber } from '../../server/pii';
import { callerAs, freshDatabase, httpCall, jiashanCenterId, testIdNumbers, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  // Every new party row now fails in the database, after the service has encrypted, hashed and bound it.
  await handle.db.execute(sql`alter table case_parties add constraint test_always_fails check (false) not valid`);
});
afterAll(() => handle.close());

const phones = ['13912345678', '13787654321'];
const petition = () =>
  ({
    ...wagePetition(centerId, {
      applicants: [
        { name: '钱多多', idNumber: testIdNumbers[1], phone: phones[0] },
        { name: '孙少少', idNumber: testIdNumbers[2], phone: phones[1] },
      ],
    }),
    channel: 'walk_in',
  }) as const;

/** Everything written to the console or the process streams while `run` runs. */
async function captureOutput(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '));
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) vi.spyOn(stream, 'write').mockImplementation((chunk) => (keep(String(chunk)), true));
  await run();
  return lines.join('\n');
}
afterEach(() => vi.restoreAllMocks());

function expectNoPersonalData(text: string) {
  for (const phone of phones) expect(text).not.toContain(phone);
  for (const id of testIdNumbers.slice(1, 3)) {
    expect(text).not.toContain(id);
    expect(text).not.toContain(hashIdNumber(id));
  }
  expect(text).not.toMatch(/v1\.[\w-]{16}/); // an encrypted ID number
  expect(text).not.toContain('params');
}

describe('a failing write with ID numbers and phones', () => {
  it('logs the event, the error class, the query and the SQLSTATE, and no bound parameter', async () => {
    let status = 0;
    const output = await captureOutput(async () => {
      status = (await httpCall(handle.db, 'clerk', 'intake.register', petition(), { method: 'POST' })).status;
    });
    expect(status).toBe(500);
    expectNoPersonalData(output);
    const entry = JSON.parse(output.split('\n').find((l) => l.includes('"event"'))!);
    expect(entry).toMatchObject({ level: 'error', event: 'trpc.unexpected', path: 'intake.register', error: { class: 'DrizzleQueryError', query: expect.stringContaining('insert case_parties') } });
    expect(entry.error.cause).toMatchObject({ code: '23514', constraint: 'test_always_fails' });
  });

  it('hands a server component an error that carries none of them either', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    let thrown: unknown;
    const output = await captureOutput(() => clerk.intake.register(petition()).catch((e: unknown) => (thrown = e)));
    expectNoPersonalData(output);
    // What Next prints for an error thrown while rendering a page.
    expectNoPersonalData(inspect(thrown, { depth: Infinity, showHidden: true }));
  });
});
