import { describe, expect, it } from 'vitest';
import { compareClaims, isAmount, normalizeAmount, sumAmounts } from '../../server/domain/amount';

describe('amounts in yuan', () => {
  it('reads the ways people write an amount', () => {
    expect(normalizeAmount(' 7,000 ')).toBe('7000');
    expect(normalizeAmount('¥7000.5')).toBe('7000.5');
    expect(normalizeAmount('7000元')).toBe('7000');
    expect(normalizeAmount('21，000')).toBe('21000');
    expect(normalizeAmount(7000)).toBe('7000');
  });

  it('accepts at most two decimals and twelve integer digits', () => {
    expect(isAmount('7000')).toBe(true);
    expect(isAmount('7000.25')).toBe(true);
    expect(isAmount('7000.255')).toBe(false);
    expect(isAmount('-5')).toBe(false);
    expect(isAmount('1234567890123')).toBe(false);
    expect(isAmount('')).toBe(false);
  });

  it('adds exactly, in fen, leaving out blank and malformed values', () => {
    expect(sumAmounts(['0.1', '0.2'])).toEqual({ total: '0.3', counted: 2 });
    expect(sumAmounts(['7000', '', null, 'abc', '7,000.50'])).toEqual({ total: '14000.5', counted: 2 });
    expect(sumAmounts([])).toEqual({ total: '0', counted: 0 });
  });

  it('compares the claims with the amount in dispute', () => {
    expect(compareClaims('21000', ['7000', '7000', '7000'])).toEqual({ total: '21000', matches: true });
    expect(compareClaims('210000', ['7000', '7000'])).toEqual({ total: '14000', matches: false });
    expect(compareClaims('21,000.00', ['21000'])).toEqual({ total: '21000', matches: true });
  });

  it('has nothing to compare without an amount in dispute or without any claim', () => {
    expect(compareClaims('', ['7000'])).toBeNull();
    expect(compareClaims('21000', ['', undefined])).toBeNull();
  });
});
