import { describe, expect, it } from 'vitest';
import { regionContains, regionPrefix } from '../../server/domain/region';

describe('regions (GB/T 2260)', () => {
  it('takes the significant prefix of province, city and county codes', () => {
    expect(regionPrefix('330000')).toBe('33');
    expect(regionPrefix('330400')).toBe('3304');
    expect(regionPrefix('330421')).toBe('330421');
  });

  it('lets a city supervisor see its counties but not another city’s', () => {
    expect(regionContains('330400', '330421')).toBe(true);
    expect(regionContains('330000', '330421')).toBe(true);
    expect(regionContains('330400', '310118')).toBe(false);
    expect(regionContains('330421', '330421')).toBe(true);
    expect(regionContains('330421', '330400')).toBe(false);
  });

  it('refuses malformed codes instead of matching everything', () => {
    expect(regionContains('', '330421')).toBe(false);
    expect(regionContains('33', '330421')).toBe(false);
  });
});
