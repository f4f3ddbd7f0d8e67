import { describe, expect, it } from 'vitest';
import { formatCaseNumber, newTrackingCode, numberingYear } from '../../server/domain/case-number';

describe('case numbers', () => {
  it('formats region, year and a six-digit sequence', () => {
    expect(formatCaseNumber('330421', 2026, 123)).toBe('330421-2026-000123');
  });

  it('numbers a case registered on New Year’s night in Beijing in the new year', () => {
    expect(numberingYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(numberingYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });

  it('makes tracking codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newTrackingCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });
});
