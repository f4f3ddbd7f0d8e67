import superjson from 'superjson';

type DatePaths = Record<string, ['Date']>;

/**
 * How procedures' answers are encoded: superjson's wire format (the browser's client decodes
 * it with superjson), made without superjson's walk for what procedures answer with — plain
 * objects, arrays, strings, finite numbers, booleans, null and Dates. superjson records every
 * value's path and every object's identity on the way; this only finds the Dates' paths and
 * hands the value on as it is (JSON.stringify writes a Date as the same ISO text superjson
 * does). Anything else (a Map, a Set, a bigint, NaN, -0, undefined in an array, an instance of
 * a class) goes to superjson itself. A key that is undefined is left out, as JSON leaves it.
 */
export function serializeOutput(value: unknown): { json: unknown; meta?: { values: DatePaths | ['Date']; v: 1 } } {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { json: value, meta: { values: ['Date'], v: 1 } };
  const dates: DatePaths = {};
  let found = false;
  const path: string[] = [];
  // False: something superjson must encode.
  const walk = (v: unknown, inArray: boolean): boolean => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return true;
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0);
      case 'undefined':
        return !inArray;
      case 'object':
        break;
      default:
        return false;
    }
    if (v === null) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(String(i));
        const ok = walk(v[i], true);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime()) || path.length === 0) return false;
      dates[path.map(escapeKey).join('.')] = ['Date'];
      found = true;
      return true;
    }
    const prototype = Object.getPrototypeOf(v);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key of Object.keys(v)) {
      path.push(key);
      const ok = walk((v as Record<string, unknown>)[key], false);
      path.pop();
      if (!ok) return false;
    }
    return true;
  };
  let plain: boolean;
  try {
    plain = value !== undefined && walk(value, false);
  } catch {
    // Nested beyond the stack (or a cycle): superjson's own answer, or its error.
    plain = false;
  }
  if (!plain) return superjson.serialize(value) as ReturnType<typeof serializeOutput>;
  return found ? { json: value, meta: { values: dates, v: 1 } } : { json: value };
}

// superjson's path syntax: segments joined by dots, a dot or backslash in a key escaped.
const escapeKey = (key: string) => (key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key);

/** The transformer of the server's router: superjson in, the encoding above out. */
export const serverTransformer = {
  input: superjson,
  output: { serialize: serializeOutput, deserialize: superjson.deserialize.bind(superjson) },
};
