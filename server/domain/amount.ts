// Money in yuan is kept as a decimal string end to end; sums are done in whole fen (BigInt),
// so no float ever touches an amount.

const amountPattern = /^\d{1,12}(\.\d{1,2})?$/;

/** How people write an amount ("7,000", "¥7000", "7000元") reduced to its digits. */
export function normalizeAmount(value: string | number): string {
  return String(value)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/[,，\s]/g, '');
}

/** Yuan with at most two decimals, at most 12 integer digits. */
export function isAmount(value: string): boolean {
  return amountPattern.test(value);
}

function toFen(amount: string): bigint {
  const [yuan, fen = ''] = amount.split('.');
  return BigInt(yuan!) * 100n + BigInt(fen.padEnd(2, '0'));
}

function fromFen(fen: bigint): string {
  const yuan = fen / 100n;
  const rest = fen % 100n;
  return rest === 0n ? String(yuan) : `${yuan}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The sum of the valid amounts among `values` (blank and malformed ones are left out). */
export function sumAmounts(values: readonly (string | null | undefined)[]): { total: string; counted: number } {
  let fen = 0n;
  let counted = 0;
  for (const raw of values) {
    if (raw === null || raw === undefined) continue;
    const value = normalizeAmount(raw);
    if (!value || !isAmount(value)) continue;
    fen += toFen(value);
    counted++;
  }
  return { total: fromFen(fen), counted };
}

/**
 * Whether the workers' claims add up to the amount in dispute. `null` when there is nothing
 * to compare (no valid amount in dispute, or no claim given).
 */
export function compareClaims(amountInDispute: string, claims: readonly (string | null | undefined)[]): { total: string; matches: boolean } | null {
  const amount = normalizeAmount(amountInDispute);
  if (!isAmount(amount)) return null;
  const { total, counted } = sumAmounts(claims);
  if (counted === 0) return null;
  return { total, matches: toFen(total) === toFen(amount) };
}
