import { describe, expect, it } from 'vitest';
import { findUnsafeText, hasUnsafeText } from '../../server/domain/text';

describe('unsafe text', () => {
  it('finds NUL, other C0 controls and lone surrogates, but not tabs, line breaks or paired surrogates', () => {
    for (const bad of ['a\u0000', '\u0007', '\u001b[31m', 'x\ud800', '\udc00y', 'x\udbff\udbff']) expect(hasUnsafeText(bad)).toBe(true);
    for (const good of ['王大海', 'a\tb\r\nc', '😀', 'قانون', '\u202eexe.png', "'; drop table cases; --"]) expect(hasUnsafeText(good)).toBe(false);
  });

  it('names the dotted path of the first offending value or key', () => {
    expect(findUnsafeText({ applicants: [{ name: 'ok' }, { name: 'bad\u0000' }] })).toEqual(['applicants', 1, 'name']);
    expect(findUnsafeText({ body: { 'k\u0001': 1 } })).toEqual(['body', 'k\u0001']);
    expect(findUnsafeText(new Map([['a', new Set(['ok', '\ud800'])]]))).toEqual(['a', 1]);
    expect(findUnsafeText({ a: 1, b: [true, null, new Date(0)] })).toBeNull();
  });

  it('walks a very deep input without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)?.length).toBe(100_000);
  });
});
