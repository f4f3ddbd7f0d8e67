import { z } from 'zod';
import { isAmount, normalizeAmount } from '../domain/amount';
import { isValidCreditCode } from '../domain/credit-code';
import { isValidIdNumber, normalizeIdNumber } from '../domain/id-number';
import { personNameMaxLength } from '../domain/person-name';
import { mobilePattern } from '../domain/phone';

/** Input fields several routers share; messages are catalog keys, translated per caller. */
export const mobileField = z.string().trim().regex(mobilePattern, { error: 'validation.mobile' });
export const passwordField = z.string().min(8, { error: 'validation.password' }).max(128);
export const nameField = z.string().trim().min(1).max(personNameMaxLength);
export const smsCodeField = z.string().trim().regex(/^\d{6}$/, { error: 'validation.code' });

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

export const dateField = z.iso.date({ error: 'validation.date' });
