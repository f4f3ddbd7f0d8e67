import { createHash } from 'node:crypto';
import { maskIdNumber } from './id-number';
import { maskPhone } from './phone';

/**
 * Printable documents. Each is generated from the case into a canonical content (a plain JSON
 * value), stored, printed from that content, and identified by a SHA-256 of it: the QR code on
 * paper carries the document's id and hash, so anyone holding the paper can check it against
 * the record at /verify/<id>.
 */
export const documentKinds = [
  'mediation_agreement',
  'termination_notice',
  'judicial_confirmation_application',
  'payment_order_application',
  'arbitration_application',
  'referral_letter',
  'service_receipt',
  'petition_reply',
  'no_further_acceptance',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** JSON with keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** 王大海 → 王**, 嘉善县鲜海海鲜店 → 嘉善县*****店: enough to recognise a document, not to learn who is in it. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length <= 3) return chars[0] + '*'.repeat(chars.length - 1);
  const keep = Math.min(3, Math.floor(chars.length / 3));
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep - 1) + chars[chars.length - 1];
}

/** What a document's content becomes when its case's retention period ends; its hash stays on record. */
export const erasedDocumentContent = { erased: true } as const;

export function isErasedDocument(content: unknown): boolean {
  return typeof content === 'object' && content !== null && (content as { erased?: unknown }).erased === true;
}

/**
 * A document's content with every ID number and phone masked, for readers who may not reveal
 * contacts (a party reading the agreement that lists their co-workers, a supervisor). The
 * stored content and its hash are untouched.
 */
export function maskContacts(content: unknown): unknown {
  if (Array.isArray(content)) return content.map(maskContacts);
  if (!content || typeof content !== 'object') return content;
  return Object.fromEntries(
    Object.entries(content as Record<string, unknown>).map(([key, value]) => {
      if (typeof value === 'string' && key === 'idNumber') return [key, maskIdNumber(value)];
      if (typeof value === 'string' && key === 'phone') return [key, maskPhone(value)];
      return [key, maskContacts(value)];
    }),
  );
}
