import { describe, expect, it } from 'vitest';
import { parseQueueFilters, parseSearch, queueHref } from '../../app/(app)/intake/queue-query';

const defaults = { status: 'registered', channel: undefined, category: undefined, dueWithinDays: undefined, sort: 'due', page: 1 };

describe('the intake queue address', () => {
  it('falls back to the defaults for values the queue would refuse', () => {
    expect(parseQueueFilters({ status: 'bogus', due: 'abc', page: '999999', channel: 'x', sort: '1;drop', category: 'a\u0000' })).toEqual(defaults);
    expect(parseQueueFilters({ page: '-3', due: '1000' })).toEqual(defaults);
    expect(parseQueueFilters({})).toEqual(defaults);
  });

  it('keeps the values it can use, taking the first of repeated ones', () => {
    expect(parseQueueFilters({ status: ['accepted', 'closed'], channel: 'letter', due: '3', sort: 'newest', page: '2', category: 'labor_wages' })).toEqual({
      status: 'accepted',
      channel: 'letter',
      category: 'labor_wages',
      dueWithinDays: 3,
      sort: 'newest',
      page: 2,
    });
  });

  it('reads an empty “due” as any deadline, not as today', () => {
    expect(parseQueueFilters({ due: '' }).dueWithinDays).toBeUndefined();
  });

  it('drops a search with control characters or over 50 characters', () => {
    expect(parseSearch('\u0000')).toBeUndefined();
    expect(parseSearch('x'.repeat(51))).toBeUndefined();
    expect(parseSearch(' 13800000001 ')).toBe('13800000001');
  });

  it('never puts a search into the address', () => {
    const href = queueHref({ status: 'accepted', page: 3, ...({ search: '13800000001' } as object) });
    expect(href).toBe('/intake?status=accepted&page=3');
  });
});
