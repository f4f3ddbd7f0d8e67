import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { phoneCodes } from '../../db/schema';
import { consume } from '../auth/rate-limit';
import { isDemoMode } from '../config';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { smsSender } from '../notify/sms';
import { secrets } from '../secrets';
import { ServiceError } from './errors';

export type CodePurpose = 'register' | 'sign_agreement';
const codeLifetimeMs = 10 * 60 * 1000;
const maxAttempts = 5;

function codeHash(phone: string, code: string): string {
  return createHmac('sha256', secrets().dataKey).update(`${phone}:${code}`).digest('hex');
}

export interface CodeRequest {
  phone: string;
  purpose: CodePurpose;
  ip: string;
  locale: Locale;
}

/** Sends a 6-digit code. In demo mode the code is also returned, for the screen. */
export async function requestPhoneCode(db: Database, request: CodeRequest): Promise<{ demoCode?: string }> {
  await consume(db, 'codeIp', request.ip, 'errors.rateLimited');
  // Per phone and purpose: a code to sign an agreement is not held up by the one that just opened the account.
  await consume(db, 'codePhone', `${request.purpose}:${request.phone}`, 'auth.codeTooFrequent');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction(async (tx) => {
    await tx.insert(phoneCodes).values({
      phone: request.phone,
      purpose: request.purpose,
      codeHash: codeHash(request.phone, code),
      expiresAt: new Date(Date.now() + codeLifetimeMs),
    });
    // Texts go out in Chinese unless the person chose English; each says what the code is for.
    const body = translator(request.locale)(request.purpose === 'sign_agreement' ? 'agreement.smsBody' : 'auth.smsBody', { code });
    await smsSender().send(tx, { phone: request.phone, body });
  });
  return isDemoMode() ? { demoCode: code } : {};
}

/**
 * Checks a code against the newest live one for this phone and returns its id. A wrong
 * guess is counted at once (not in the caller's transaction, which the refusal rolls back);
 * after five the code is dead.
 */
export async function verifyPhoneCode(db: Database, phone: string, purpose: CodePurpose, code: string): Promise<string> {
  const [row] = await db
    .select()
    .from(phoneCodes)
    .where(
      and(
        eq(phoneCodes.phone, phone),
        eq(phoneCodes.purpose, purpose),
        isNull(phoneCodes.consumedAt),
        gt(phoneCodes.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(phoneCodes.createdAt))
    .limit(1);
  if (!row || row.attempts >= maxAttempts) throw invalidCode();
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = Buffer.from(codeHash(phone, code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    await db.update(phoneCodes).set({ attempts: sql`${phoneCodes.attempts} + 1` }).where(eq(phoneCodes.id, row.id));
    throw invalidCode();
  }
  return row.id;
}

/** Uses a verified code up, inside the action's transaction; a code works once. */
export async function markCodeUsed(tx: Database, codeId: string): Promise<void> {
  const used = await tx
    .update(phoneCodes)
    .set({ consumedAt: new Date() })
    .where(and(eq(phoneCodes.id, codeId), isNull(phoneCodes.consumedAt)))
    .returning({ id: phoneCodes.id });
  if (used.length === 0) throw invalidCode();
}

const invalidCode = () => new ServiceError('invalid', 'auth.codeInvalid', { field: 'code' });
