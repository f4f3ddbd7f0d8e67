import fc from 'fast-check';

/** Text an attacker types: control characters, broken surrogates, bidi tricks, SQL, HTML, sheer size. */
export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'clerk\u0000',
  '\u0001\u0007\u001b[31m',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  '\u200e\u200f\u2066\u2069',
  '\ufeff',
  "' or 1=1 --",
  "'; drop table cases; --",
  '$1',
  '%00',
  '\\x00',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31',
  '2026-02-30',
  'NaN',
  '1e308',
  '-0',
  '00000000-0000-0000-0000-000000000000',
  '😀'.repeat(30),
  '王'.repeat(5001),
  'x'.repeat(100_001),
];

export const hostileNumbers = [0, -1, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-300];

/** Values of every type but the expected one; superjson carries dates, bigints, maps and sets. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, undefined, true, false, [], {}, 10n ** 30n),
  fc.constantFrom(new Date(Number.NaN), new Date(-8.64e15), new Date(8.64e15), new Date('0000-01-01T00:00:00Z')),
  fc.constantFrom(new Map([['a', 1]]), new Set(['\u0000']), [[[[[[['deep']]]]]]], { __proto__: { polluted: true } }, { constructor: { prototype: {} } }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Short pieces slipped into otherwise valid text. */
export const hostileFragments = ['\u0000', '\ud800', '\udfff', '\u0000', '\ud800', '\udfff', '\u0007', '\u001b', '\u202e', '\u2066', "'", '"); --', '<b>', '%00', '\\u0000'];

export const hostileDates = [new Date('0000-01-01T00:00:00Z'), new Date(-8.64e15), new Date(8.64e15), new Date('1899-12-31T23:59:59Z'), new Date('2101-01-01T00:00:00Z')];

/**
 * A hostile stand-in for a valid leaf of the same kind (so it passes the type check and
 * reaches the deeper ones), or now and then any hostile value.
 */
export function hostileLike(original: unknown, pick: number, fallback: unknown): unknown {
  if (pick % 4 === 0) return fallback;
  if (typeof original === 'string') {
    if (/^\d{4}-\d{2}-\d{2}/.test(original)) return ['0000-01-01', '+275760-09-13T00:00:00Z', '1899-12-31', '2101-01-01', '-000001-01-01T00:00:00Z'][pick % 5];
    const piece = hostileFragments[pick % hostileFragments.length]!;
    const at = Math.floor(original.length / 2);
    return original.slice(0, at) + piece + original.slice(at);
  }
  if (original instanceof Date) return hostileDates[pick % hostileDates.length];
  if (typeof original === 'number') return hostileNumbers[pick % hostileNumbers.length];
  return fallback;
}
