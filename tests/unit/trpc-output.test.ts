import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeOutput } from '../../server/trpc-output';

/** What the browser's client ends up with: the body as sent over HTTP, decoded by superjson. */
const received = (encoded: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(encoded)));

describe('the answer encoding', () => {
  it('gives the client the same dates, texts and numbers superjson would', () => {
    const page = {
      entries: [
        { id: 'a', createdAt: new Date('2026-11-27T01:02:03.456Z'), body: { text: '调解记录', at: new Date(0) }, actorName: null },
        { id: 'b', createdAt: new Date('2026-01-01T00:00:00Z'), body: { 'a.b': new Date(5), 'c\\d': [new Date(6)] }, actorName: '李调解' },
      ],
      nextCursor: null,
      count: 2,
    };
    expect(received(serializeOutput(page))).toEqual(page);
    expect(received(serializeOutput(page))).toEqual(received(superjson.serialize(page)));
    const sent = serializeOutput(page) as { meta: { values: Record<string, unknown> } };
    expect(Object.keys(sent.meta.values)).toEqual(['entries.0.createdAt', 'entries.0.body.at', 'entries.1.createdAt', 'entries.1.body.a\\.b', 'entries.1.body.c\\\\d.0']);
    expect(received(serializeOutput(new Date(7)))).toEqual(new Date(7));
    expect(serializeOutput({ plain: [1, 'x', true, null] })).toEqual({ json: { plain: [1, 'x', true, null] } });
  });

  it('hands what only superjson can encode to superjson', () => {
    const special = [new Map([['k', new Date(1)]]), new Set([1]), 10n ** 20n, Number.NaN, -0, [undefined, 1], new Date(Number.NaN), Number.POSITIVE_INFINITY, /x/];
    for (const value of special) {
      const wrapped = { value };
      expect(serializeOutput(wrapped)).toEqual(superjson.serialize(wrapped));
    }
    // A key whose value is undefined is left out; the client reads it as undefined all the same.
    expect((received(serializeOutput({ a: undefined, b: 1 })) as { a?: unknown }).a).toBeUndefined();
  });

  it('round-trips any JSON-like value with dates as superjson does', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        expect(received(serializeOutput(value))).toEqual(received(superjson.serialize(value)));
      }),
      { numRuns: 500 },
    );
  });
});
