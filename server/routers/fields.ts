import { z } from 'zod';
import { mobilePattern } from '../domain/phone';

/** Input fields several routers share; messages are catalog keys, translated per caller. */
export const mobileField = z.string().trim().regex(mobilePattern, { error: 'validation.mobile' });
export const passwordField = z.string().min(8, { error: 'validation.password' }).max(128);
export const nameField = z.string().trim().min(1).max(50);
export const smsCodeField = z.string().trim().regex(/^\d{6}$/, { error: 'validation.code' });
