import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { secrets } from './secrets';

/**
 * Personal data at rest (DESIGN.md, "Personal data"): ID numbers are stored encrypted
 * (AES-256-GCM) and found by a keyed hash, both derived from DATA_KEY with distinct labels.
 */

/** A key for one purpose, derived from DATA_KEY (also keys the audit chains). */
export function derivedKey(label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secrets().dataKey, 'onewindow', label, 32));
}

let keys: { hash: Buffer; encrypt: Buffer } | undefined;
function derived() {
  keys ??= { hash: derivedKey('id-number-hash'), encrypt: derivedKey('id-number-encrypt') };
  return keys;
}

export function hashIdNumber(idNumber: string): string {
  return createHmac('sha256', derived().hash).update(idNumber).digest('hex');
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; the version leaves room for key rotation. */
export function encryptIdNumber(idNumber: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derived().encrypt, iv);
  const data = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptIdNumber(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown ID number encryption format');
  const decipher = createDecipheriv('aes-256-gcm', derived().encrypt, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

let creditCodeKey: Buffer | undefined;

/**
 * A credit code's keyed hash: how a region matches one respondent across its centers without
 * comparing or showing the codes themselves (a key of its own, so it never equals an ID hash).
 */
export function hashCreditCode(creditCode: string): string {
  creditCodeKey ??= derivedKey('credit-code-hash');
  return createHmac('sha256', creditCodeKey).update(creditCode.trim().toUpperCase()).digest('hex');
}

let warningRefKey: Buffer | undefined;

/**
 * An early warning's reference, keyed: a repeat's key holds a person's phone, which an unkeyed
 * hash would give back to anyone trying every number; the reference is sent to the page and
 * stored with acknowledgements, dispositions and audit rows.
 */
export function warningRef(rule: string, key: string): string {
  warningRefKey ??= derivedKey('warning-ref');
  return createHmac('sha256', warningRefKey).update(`${rule}\u0000${key}`).digest('hex');
}
