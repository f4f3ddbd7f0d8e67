import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DatabaseHandle } from '../../db/client';
import { handleTrpcRequest } from '../../server/http';
import { appRouter } from '../../server/root';
import { createContext } from '../../server/trpc';
import { arbitraryFor, type KnownValues } from './fuzz/zod-arbitrary';
import { hostileStrings, hostileValue } from './fuzz/hostile';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, tinyPng, userByLogin, wagePetition } from './harness';

/**
 * Every procedure of the app router, through the raw HTTP handler, with inputs generated
 * from its zod schema plus hostile values, as a staff member, an admin and a petitioner:
 * the answer is a success or a 4xx, never a 500. Fixed seed and bounded runs, so it is
 * repeatable and quick; a failure prints the input that caused it.
 */
const seed = 20_261_126;
const runsPerProcedure = 25;
const actors = ['director', 'admin', '13800000001'] as const;

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: z.core.$ZodType[];
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>).map(([path, p]) => ({ path, ...p._def }));

let handle: DatabaseHandle;
const known: KnownValues = {};
beforeAll(async () => {
  handle = await freshDatabase();
  const centerId = await jiashanCenterId(handle.db);
  const petitioner = await callerAs(handle.db, '13800000001');
  const first = await submitNew(petitioner, wagePetition(centerId));
  const second = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'person', name: '模糊测试' } }));
  Object.assign(known, {
    caseId: [first.id, second.id],
    intoCaseId: [first.id],
    otherCaseId: [second.id],
    centerId: [centerId],
    userId: [(await userByLogin(handle.db, 'mediator')).id],
  });
});
afterAll(() => handle.close());

/** A multipart upload with a hostile name or fields; the bytes are a real PNG or noise. */
const uploadArbitrary = fc
  .record({
    bytes: fc.oneof(fc.constant(tinyPng()), fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b))),
    name: fc.oneof(fc.constantFrom('photo.png', 'invoice\u202egnp.exe', 'a\u0000b.png', '../../x.html', '\ud800.png'), fc.string()),
    caseId: fc.oneof(fc.constant(undefined), fc.constantFrom(...hostileStrings.slice(0, 8)), fc.uuid()),
    visibility: fc.oneof(fc.constant(undefined), fc.constantFrom('parties', 'internal', 'caucus', 'bogus\u0000')),
  })
  .map(({ bytes, name, caseId, visibility }) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], name));
    if (caseId !== undefined) form.set('caseId', caseId);
    if (visibility !== undefined) form.set('visibility', visibility);
    return form;
  });

function inputArbitrary(path: string, inputs: z.core.$ZodType[]): fc.Arbitrary<unknown> {
  if (path === 'evidence.upload') return uploadArbitrary;
  if (inputs.length === 0) return fc.oneof(fc.constant(undefined), hostileValue);
  return arbitraryFor(inputs, known);
}

/** superjson as the client sends it; what superjson will not encode (keys like `constructor`) goes as plain JSON. */
function encode(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: input });
  }
}

/** A body sent as it is, not encoded: malformed JSON, superjson metadata that lies or pollutes. */
const rawPrefix = 'RAW:';
const rawBodies = fc.constantFrom(
  '{',
  'null',
  '"\u0000"',
  '{"json":{"a":{}},"meta":{"values":{"a.constructor.prototype":["map"]}}}',
  '{"json":{"x":1},"meta":{"values":{"__proto__.polluted":["undefined"]}}}',
  '{"json":"2026-01-01","meta":{"values":["Date"]}}',
  '{"json":"not a date","meta":{"values":["Date"]}}',
  '{"json":"1e999","meta":{"values":["bigint"]}}',
  '{"json":[[1,2]],"meta":{"values":["map"]}}',
  '{"json":{},"meta":{"values":{"a":["custom","x"]}}}',
  `{"json":${'['.repeat(5000)}${']'.repeat(5000)}}`,
).map((raw) => rawPrefix + raw);

/** The raw handler as a browser would call it; returns the HTTP status, or a 500 hidden in an event stream. */
async function call(login: string, path: string, type: ProcedureDef['type'], input: unknown): Promise<number> {
  const user = await userByLogin(handle.db, login);
  const base = `http://localhost/api/trpc/${path}`;
  const abort = new AbortController();
  const body = typeof input === 'string' && input.startsWith(rawPrefix) ? input.slice(rawPrefix.length) : encode(input);
  const req =
    input instanceof FormData
      ? new Request(base, { method: 'POST', body: input, signal: abort.signal })
      : type === 'mutation'
        ? new Request(base, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: abort.signal })
        : new Request(`${base}?input=${encodeURIComponent(body)}`, { signal: abort.signal });
  const res = await handleTrpcRequest(req, () =>
    createContext({ db: handle.db, claims: { userId: user.id, sessionVersion: user.sessionVersion }, locale: 'en', ip: '203.0.113.50' }),
  );
  if (res.headers.get('content-type')?.includes('text/event-stream')) {
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    abort.abort();
    await reader.cancel().catch(() => {});
    return /"httpStatus":5\d\d/.test(new TextDecoder().decode(value)) ? 500 : res.status;
  }
  await res.arrayBuffer();
  return res.status;
}

describe('no input gives a 500', () => {
  it('covers every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  for (const { path, type, inputs } of procedures) {
    it(path, async () => {
      for (const login of actors) {
        await fc.assert(
          fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: inputArbitrary(path, inputs) }, { weight: 1, arbitrary: rawBodies }), async (input) => {
            const status = await call(login, path, type, input);
            expect(status, `${login} → ${path}`).toBeLessThan(500);
          }),
          { seed, numRuns: runsPerProcedure, endOnFailure: true },
        );
      }
    });
  }
});
