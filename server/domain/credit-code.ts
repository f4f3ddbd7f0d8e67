// GB 32100-2015 unified social credit codes of organizations: 18 characters, the last a check character.

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const shape = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]!) * weights[i]!;
  return alphabet[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  return shape.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
