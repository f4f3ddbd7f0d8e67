import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseEventSchemas, eventKinds } from '../../server/domain/case-events';
import { erasedText, erasePayload } from '../../server/domain/erasure';

type Def = { type: string; format?: string | null; [key: string]: unknown };

/** A valid payload whose every free text says where it sits, so none can survive unnoticed. */
function sample(schema: z.ZodType, at: string): unknown {
  const def = (schema as unknown as { def: Def }).def;
  switch (def.type) {
    case 'string':
      if (def.format === 'uuid') return '3f1e2d4c-5b6a-4789-8abc-def012345678';
      if (def.format === 'datetime') return '2026-03-01T08:00:00+08:00';
      return `personal:${at}`;
    case 'nullable':
    case 'optional':
      return sample(def.innerType as z.ZodType, at);
    case 'array':
      return [sample(def.element as z.ZodType, `${at}[]`)];
    case 'object':
      return Object.fromEntries(Object.entries((schema as unknown as { shape: Record<string, z.ZodType> }).shape).map(([k, v]) => [k, sample(v, `${at}.${k}`)]));
    case 'record':
      return { title: sample(def.valueType as z.ZodType, `${at}.title`) };
    case 'enum':
      return (schema as unknown as { options: unknown[] }).options[0];
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      throw new Error(`no sample for ${def.type} at ${at}`);
  }
}

describe('erasing an event payload', () => {
  it.each(eventKinds)('%s keeps its shape and loses every free text', (kind) => {
    const payload = sample(caseEventSchemas[kind], kind);
    const erased = erasePayload(kind, payload);
    expect(caseEventSchemas[kind].safeParse(erased).success).toBe(true);
    const kept = JSON.stringify(erased).match(/personal:[^"]*/g) ?? [];
    // Only the texts that are never about a person stay.
    expect(kept.filter((k) => !/\.(caseNumber|hash|sha256)$/.test(k))).toEqual([]);
  });

  it('keeps ids, dates, choices and counts, and nulls stay null', () => {
    expect(erasePayload('registered', { channel: 'walk_in', applicants: 2, evidence: 1, sourceAgency: null, receivedAt: '2026-03-01T08:00:00+08:00', registeredFor: '李秀英' })).toEqual({
      channel: 'walk_in',
      applicants: 2,
      evidence: 1,
      sourceAgency: null,
      receivedAt: '2026-03-01T08:00:00+08:00',
      registeredFor: erasedText,
    });
    expect(erasePayload('no_such_kind', { text: '李秀英' })).toEqual({});
  });
});
