// GB/T 2260 codes are hierarchical by prefix: 33 0000 (province), 3304 00 (city), 330421 (county).

const regionCodePattern = /^\d{6}$/;

export function isRegionCode(code: string): boolean {
  return regionCodePattern.test(code);
}

/** The significant prefix of a region: "330000" → "33", "330400" → "3304", "330421" → "330421". */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `code` lies inside (or is) the region `scope`. */
export function regionContains(scope: string, code: string): boolean {
  if (!isRegionCode(scope) || !isRegionCode(code)) return false;
  return code.startsWith(regionPrefix(scope));
}
