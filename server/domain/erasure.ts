import type { z } from 'zod';
import { caseEventSchemas, type EventKind } from './case-events';

/**
 * What erased personal text becomes: the same shape (every renderer still works), no content.
 * Language-neutral, like the masks of phones and ID numbers.
 */
export const erasedText = '***';

/** Text fields of event payloads that are never about a person: kept through erasure. */
const keptTextKeys = new Set(['caseNumber', 'hash', 'sha256']);

type Schema = z.ZodType & { def: { type: string; format?: string | null; [key: string]: unknown } };

/**
 * An event payload with its personal content erased: every free-text string (names, notes,
 * reasons, file names, facts before and after a correction) becomes `erasedText`; ids, dates,
 * enums, numbers and the keys in `keptTextKeys` stay. Driven by the event's own schema, so a
 * new kind is covered the day it is added.
 */
export function erasePayload(kind: string, payload: unknown): Record<string, unknown> {
  const schema = caseEventSchemas[kind as EventKind] as unknown as Schema | undefined;
  // A kind no longer known: nothing of it can be read safely, so nothing is kept.
  if (!schema) return {};
  return erase(schema, payload, null) as Record<string, unknown>;
}

function erase(schema: Schema, value: unknown, key: string | null): unknown {
  if (value === null || value === undefined) return value;
  const def = schema.def;
  switch (def.type) {
    case 'string':
      // Plain text only: uuids and dates carry a format and are not about anyone.
      return def.format || (key !== null && keptTextKeys.has(key)) ? value : erasedText;
    case 'nullable':
    case 'optional':
      return erase(def.innerType as Schema, value, key);
    case 'array':
      return Array.isArray(value) ? value.map((v) => erase(def.element as Schema, v, key)) : value;
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, Schema> }).shape;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, shape[k] ? erase(shape[k], v, k) : v]));
    }
    case 'record':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, erase(def.valueType as Schema, v, k)]));
    default:
      // enum, number, boolean, literal: a choice from a fixed list or a count.
      return value;
  }
}
