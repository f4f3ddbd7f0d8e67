import { z } from 'zod';
import { isStrongPassword } from '../auth/password-strength';
import { isAmount, normalizeAmount } from '../domain/amount';
import { isValidCreditCode } from '../domain/credit-code';
import { isValidIdNumber, normalizeIdNumber } from '../domain/id-number';
import { personNameMaxLength } from '../domain/person-name';
import { mobilePattern } from '../domain/phone';
import { listPageSize, type PageRequest } from '../services/paging';

/** Input fields several routers share; messages are catalog keys, translated per caller. */
export const mobileField = z.string().trim().regex(mobilePattern, { error: 'validation.mobile' });
/** Wherever a password is set: long enough, and not one that guessers try early. */
export const passwordField = z
  .string()
  .min(8, { error: 'validation.password' })
  .max(128)
  .refine((v) => isStrongPassword(v), { error: 'validation.weakPassword' });
export const nameField = z.string().trim().min(1).max(personNameMaxLength);
export const smsCodeField = z.string().trim().regex(/^\d{6}$/, { error: 'validation.code' });

/** Which page of a server-paged list (the first when not given). */
export const pageField = z.coerce.number().int().min(1).max(10_000).default(1);
/** A list that shows the usual number of rows a page: the page asked for, as a `PageRequest`. */
export const pageInput = z
  .object({ page: pageField })
  .default({ page: 1 })
  .transform(({ page }): PageRequest => ({ page, pageSize: listPageSize }));

/** Forms send '' for an untouched optional field; it means "not given". */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

export const idNumberField = z
  .string()
  .transform(normalizeIdNumber)
  .refine(isValidIdNumber, { error: 'validation.idNumber' });

export const creditCodeField = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine(isValidCreditCode, { error: 'validation.creditCode' });

/** Yuan with at most two decimals, kept as a string so no float ever touches money. */
export const amountField = z
  .union([z.number(), z.string()])
  .transform(normalizeAmount)
  .refine(isAmount, { error: 'validation.amount' });

/**
 * Dates people mean: 1900 to 2100. Wider values (year 0000, year 275760) pass zod but not
 * PostgreSQL, so they are refused here with a message instead of failing in the database.
 */
const earliest = new Date('1900-01-01T00:00:00Z');
const latest = new Date('2100-12-31T23:59:59.999Z');
const outOfRange = { error: 'validation.dateRange' };

export const dateField = z.iso
  .date({ error: 'validation.date' })
  .refine((v) => v >= earliest.toISOString().slice(0, 10) && v <= latest.toISOString().slice(0, 10), outOfRange);

export const dateTimeField = z.coerce.date({ error: 'validation.dateTime' }).min(earliest, outOfRange).max(latest, outOfRange);

/** A calendar month from 2000 to 2100, '2026-11'. */
export const monthField = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { error: 'validation.month' });
