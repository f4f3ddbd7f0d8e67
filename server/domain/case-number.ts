import { TZDate } from '@date-fns/tz';
import { randomInt } from 'node:crypto';

export const centerTimeZone = 'Asia/Shanghai';

/** The year a case is numbered in: the calendar year in Asia/Shanghai. */
export function numberingYear(at: Date): number {
  return new TZDate(at, centerTimeZone).getFullYear();
}

/** `330421-2026-000123`: region, year, and the center's running count for that year. */
export function formatCaseNumber(regionCode: string, year: number, sequence: number): string {
  return `${regionCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

// No 0/O, 1/I/L: the code is read aloud over the phone and typed from paper.
const trackingAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newTrackingCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += trackingAlphabet[randomInt(trackingAlphabet.length)];
  return code;
}
