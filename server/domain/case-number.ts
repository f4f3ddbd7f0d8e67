import { TZDate } from '@date-fns/tz';
import { randomInt } from 'node:crypto';

export const centerTimeZone = 'Asia/Shanghai';

/** The year a case is numbered in: the calendar year in Asia/Shanghai. */
export function numberingYear(at: Date): number {
  return new TZDate(at, centerTimeZone).getFullYear();
}

/** `330421-2026-000123`: region, year, and the center's running count for that year. */
export function formatCaseNumber(regionCode: string, year: number, sequence: number): string {
  return `${caseNumberPrefix(regionCode, year)}${String(sequence).padStart(caseNumberDigits, '0')}`;
}

/** The count has at least this many digits (more once a center passes 999,999 in a year). */
export const caseNumberDigits = 6;

/** What people type as a case number: region, year, and the count (six digits, or more). */
export const caseNumberPattern = /^\d{6}-\d{4}-\d{6,9}$/;

export function caseNumberPrefix(regionCode: string, year: number): string {
  return `${regionCode}-${year}-`;
}

// No 0/O, 1/I/L: the code is read aloud over the phone and typed from paper.
const trackingAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newTrackingCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += trackingAlphabet[randomInt(trackingAlphabet.length)];
  return code;
}
