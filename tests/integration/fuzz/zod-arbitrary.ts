import fc from 'fast-check';
import type { z } from 'zod';
import { hostileLike, hostileValue } from './hostile';

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number | Date;
}

/** Values a field would name on purpose, by its key: real ids make calls reach past the NOT_FOUND gate. */
export type KnownValues = Record<string, unknown[]>;

const def = (schema: Schema) => schema._zod.def as unknown as Def;
const checks = (schema: Schema) => ((def(schema).checks as Schema[] | undefined) ?? []).map((c) => c._zod.def as unknown as CheckDef);

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const format = (schema as unknown as { format?: string }).format ?? (def(schema).format as string | undefined);
  const all = checks(schema);
  const max = all.find((c) => c.check === 'max_length')?.maximum ?? 60;
  const min = all.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const pattern = all.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  const byFormat: Record<string, fc.Arbitrary<string>> = {
    uuid: fc.uuid(),
    date: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    datetime: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    url: fc.webUrl(),
  };
  if (format && byFormat[format]) return byFormat[format];
  if (pattern) return fc.stringMatching(pattern);
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(max, 200)) });
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const all = checks(schema);
  const min = all.find((c) => c.check === 'greater_than')?.value as number | undefined;
  const max = all.find((c) => c.check === 'less_than')?.value as number | undefined;
  return fc.integer({ min: Math.max(min ?? -1000, -1e6), max: Math.min(max ?? 1000, 1e6) });
}

/**
 * An arbitrary for a zod schema: a value of the right shape, often with one leaf swapped
 * for a hostile one (so the hostile value gets past every other check), sometimes a hostile
 * value for the whole.
 */
export function arbitraryFor(schemas: Schema[], known: KnownValues): fc.Arbitrary<unknown> {
  // tRPC merges a procedure's several `.input()` objects into one.
  const valid = fc.tuple(...schemas.map((s) => validFor(s, known))).map((parts) => (parts.length === 1 ? parts[0] : Object.assign({}, ...parts)));
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 6, arbitrary: fc.tuple(valid, fc.nat(), fc.nat(), hostileValue).map(([value, at, pick, hostile]) => replaceLeaf(value, at, (leaf) => hostileLike(leaf, pick, hostile))) },
    { weight: 1, arbitrary: hostileValue },
  );
}

function validFor(schema: Schema, known: KnownValues, key?: string): fc.Arbitrary<unknown> {
  const right = shaped(schema, known, key);
  const named = key && known[key] ? fc.constantFrom(...known[key]) : undefined;
  return named ? fc.oneof({ weight: 4, arbitrary: named }, { weight: 1, arbitrary: right }) : right;
}

/** The value with its `at`-th leaf (modulo their number) replaced; objects and arrays are copied. */
function replaceLeaf(value: unknown, at: number, hostile: (leaf: unknown) => unknown): unknown {
  const leaves: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = v.map(copy);
      out.forEach((_, i) => leaves.push({ parent: out as never, key: i }));
      return out;
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out = Object.fromEntries(Object.entries(v).map(([k, item]) => [k, copy(item)]));
      Object.keys(out).forEach((k) => leaves.push({ parent: out, key: k }));
      return out;
    }
    return v;
  };
  const root = copy(value);
  if (leaves.length === 0) return hostile(root);
  const leaf = leaves[at % leaves.length]!;
  leaf.parent[leaf.key] = hostile(leaf.parent[leaf.key]);
  return root;
}

function shaped(schema: Schema, known: KnownValues, key?: string): fc.Arbitrary<unknown> {
  const d = def(schema);
  const inner = (s: unknown, k = key) => validFor(s as Schema, known, k);
  switch (d.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'bigint':
      return fc.bigInt();
    case 'date':
      return fc.date({ min: new Date('1950-01-01'), max: new Date('2050-01-01'), noInvalidDate: true });
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'object': {
      const shape = d.shape as Record<string, Schema>;
      const record = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)]));
      return fc.record(record);
    }
    case 'array': {
      const max = checks(schema).find((c) => c.check === 'max_length')?.maximum ?? 5;
      return fc.array(inner(d.element), { maxLength: Math.min(max, 3) });
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), inner(d.valueType), { maxKeys: 4 });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: inner(d.innerType) });
    case 'union':
      return fc.oneof(...(d.options as Schema[]).map((o) => inner(o)));
    case 'pipe': {
      // A preprocess or transform reads what its inner schema describes.
      const from = d.in as Schema;
      return def(from).type === 'transform' ? inner(d.out) : inner(from);
    }
    default:
      return fc.constant(undefined);
  }
}
