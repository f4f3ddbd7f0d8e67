import { describe, expect, it } from 'vitest';
import { pageHref, pageParam } from '../../app/_lib/page-param';

describe("a list's page in the address bar", () => {
  it('reads a page number, taking the first of repeated ones', () => {
    expect(pageParam.parse('3')).toBe(3);
    expect(pageParam.parse(['2', '9'])).toBe(2);
  });

  it('means the first page for anything that is not a sensible page number', () => {
    for (const typed of [undefined, '', '0', '-2', '1.5', 'abc', '1e9', '10001', ['x']]) expect(pageParam.parse(typed)).toBe(1);
  });

  it('links the first page without a parameter, and keeps the other parameters', () => {
    expect(pageHref('/my', 1)).toBe('/my');
    expect(pageHref('/cases', 4)).toBe('/cases?page=4');
    expect(pageHref('/intake', 2, new URLSearchParams({ status: 'accepted' }))).toBe('/intake?status=accepted&page=2');
  });
});
