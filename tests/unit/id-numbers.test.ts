import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '../../server/domain/credit-code';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber } from '../../server/domain/id-number';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s worked example, whose check character is X', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('takes a lower-case x as people type it', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('refuses a wrong check character, an impossible birth date, a future one and a wrong length', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber(`1101051949023${'0'}002` + idNumberCheckChar('11010519490230002'))).toBe(false);
    const future = `1101052${'9'}991231002`;
    expect(isValidIdNumber(future + idNumberCheckChar(future))).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('01010519491231002X')).toBe(false);
  });

  it('masks the birth date and sequence, keeping region and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('unified social credit codes (GB 32100)', () => {
  const first17 = '91330421MA2B3C4D5';
  const valid = first17 + creditCodeCheckChar(first17);

  it('accepts a code whose check character matches, in either case', () => {
    expect(isValidCreditCode(valid)).toBe(true);
    expect(isValidCreditCode(valid.toLowerCase())).toBe(true);
  });

  it('refuses a changed character, letters the standard leaves out, and a wrong length', () => {
    const other = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(isValidCreditCode(other)).toBe(false);
    expect(isValidCreditCode(`91330421MA2B3C4D5${'I'}`)).toBe(false);
    expect(isValidCreditCode(valid.slice(0, 17))).toBe(false);
  });
});
