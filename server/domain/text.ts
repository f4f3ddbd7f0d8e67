/**
 * Text no database column or screen should get: C0 control characters other than tab,
 * line feed and carriage return (PostgreSQL refuses NUL in text), and UTF-16 surrogates
 * without their pair (PostgreSQL refuses them in jsonb; elsewhere they turn into U+FFFD).
 */
const unsafeText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnsafeText(value: string): boolean {
  return unsafeText.test(value);
}

export type InputPath = (string | number)[];

interface Visit {
  value: unknown;
  key?: string | number;
  parent?: Visit;
}

function pathOf(visit: Visit | undefined, key?: string): InputPath {
  const reversed: InputPath = key === undefined ? [] : [key];
  for (let v = visit; v && v.key !== undefined; v = v.parent) reversed.push(v.key);
  return reversed.reverse();
}

/**
 * The path of the first string (value or key) with unsafe text anywhere in a decoded input,
 * or null. Iterative with parent links, so a deeply nested input costs linear time and
 * cannot overflow the stack.
 */
export function findUnsafeText(input: unknown): InputPath | null {
  const pending: Visit[] = [{ value: input }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (hasUnsafeText(value)) return pathOf(visit);
    } else if (Array.isArray(value) || value instanceof Set) {
      [...value].forEach((item, i) => pending.push({ value: item, key: i, parent: visit }));
    } else if (value instanceof Map || value instanceof FormData) {
      for (const [key, item] of value.entries()) {
        if (typeof key === 'string' && hasUnsafeText(key)) return pathOf(visit, key);
        pending.push({ value: item, key: String(key), parent: visit });
      }
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) {
        if (hasUnsafeText(key)) return pathOf(visit, key);
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return null;
}
