import { describe, expect, it } from 'vitest';
import { isMobile, maskPhone, normalizeMobile } from '../../server/domain/phone';

describe('phone numbers', () => {
  it('accepts mainland mobile numbers only', () => {
    expect(isMobile('13800000001')).toBe(true);
    expect(isMobile('19912345678')).toBe(true);
    expect(isMobile('12800000001')).toBe(false);
    expect(isMobile('1380000000')).toBe(false);
    expect(isMobile('138000000011')).toBe(false);
  });

  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13800001234')).toBe('138****1234');
  });
});

describe('mobile numbers as people write them', () => {
  it('drops spaces, dashes and the country code', () => {
    expect(normalizeMobile('138 0000 0001')).toBe('13800000001');
    expect(normalizeMobile('138-0000-0001')).toBe('13800000001');
    expect(normalizeMobile('+86 13800000001')).toBe('13800000001');
    expect(normalizeMobile('8613800000001')).toBe('13800000001');
    expect(normalizeMobile('1380000')).toBe('1380000');
  });
});
