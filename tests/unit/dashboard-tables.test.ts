import { describe, expect, it } from 'vitest';
import { rankedByRate } from '../../server/domain/dashboard-tables';

describe('a table ranked by an indicator', () => {
  it('puts the best first and rows without a figure last, keeping their order', () => {
    const rows = [
      { name: '魏塘', rate: 0.5 },
      { name: '西塘', rate: null },
      { name: '罗星', rate: 0.9 },
      { name: '姚庄', rate: 0 },
      { name: '天凝', rate: null },
    ];
    expect(rankedByRate(rows, (r) => r.rate).map((r) => r.name)).toEqual(['罗星', '魏塘', '姚庄', '西塘', '天凝']);
    // The rows given are left as they were.
    expect(rows[0]!.name).toBe('魏塘');
  });
});
