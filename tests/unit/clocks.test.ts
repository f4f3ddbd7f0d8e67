import { describe, expect, it } from 'vitest';
import { daysLeft, resolveDueAt } from '../../server/domain/clocks';

describe('legal clocks in Asia/Shanghai calendar days', () => {
  it('ends a 15-day clock at the end of the 15th day after registration, Beijing time', () => {
    // 2026-03-01 23:30 in Beijing is 15:30 UTC.
    const due = resolveDueAt(new Date('2026-03-01T15:30:00Z'), 15);
    expect(due.toISOString()).toBe('2026-03-16T15:59:59.999Z');
  });

  it('counts by the Beijing date even when UTC is still on the previous day', () => {
    // 2026-03-02 00:30 Beijing = 2026-03-01 16:30 UTC: the clock starts on 2 March.
    const due = resolveDueAt(new Date('2026-03-01T16:30:00Z'), 15);
    expect(due.toISOString()).toBe('2026-03-17T15:59:59.999Z');
  });

  it('counts days left, zero on the due day and negative when overdue', () => {
    const due = resolveDueAt(new Date('2026-03-01T02:00:00Z'), 15);
    expect(daysLeft(due, new Date('2026-03-01T02:00:00Z'))).toBe(15);
    expect(daysLeft(due, new Date('2026-03-16T10:00:00Z'))).toBe(0);
    expect(daysLeft(due, new Date('2026-03-18T01:00:00Z'))).toBe(-2);
  });
});
