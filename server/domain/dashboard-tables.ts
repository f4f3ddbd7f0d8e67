import type { Breakdown, KpiId } from './kpis';

/**
 * What the dashboard's tables show, shared by the pages and their exports so that a file
 * always has the screen's columns, labels and rates.
 */

/** The indicators of the breakdown table (by category, track, …). */
export const breakdownColumns = ['closure_rate', 'on_time_closure', 'resolution_rate', 'satisfaction'] as const satisfies readonly KpiId[];
/** The indicators of the twelve months' table and chart. */
export const trendColumns = ['closure_rate', 'resolution_rate', 'mediation_success', 'satisfaction'] as const satisfies readonly KpiId[];
/** The indicators the region's table compares centers by. */
export const regionColumns = ['closure_rate', 'resolution_rate', 'satisfaction'] as const satisfies readonly KpiId[];

/** A translator that can tell a missing key (next-intl's on the pages, the server's in exports). */
export interface Labels {
  (key: string): string;
  has(key: string): boolean;
}

/** A rate as people read it: one decimal of a percent; null when nothing was due (the caller shows its dash). */
/** Rows ranked by a rate, best first; rows without a figure last, in their order. */
export function rankedByRate<T>(rows: readonly T[], rate: (row: T) => number | null): T[] {
  return [...rows].sort((a, b) => (rate(b) ?? -1) - (rate(a) ?? -1));
}

export function formatRate(locale: string, rate: number | null): string | null {
  return rate === null ? null : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Breakdowns whose values are names already (a township's, a panel lead's, an organization's), not codes to translate. */
export const namedBreakdowns = ['township', 'panel_member', 'organization'] as const satisfies readonly Breakdown[];
export const isNamedBreakdown = (by: Breakdown): by is (typeof namedBreakdowns)[number] => (namedBreakdowns as readonly Breakdown[]).includes(by);

/** A breakdown value as people read it: a category's, track's or channel's name (a center's own category keeps its code). */
export function breakdownLabel(t: Labels, by: Breakdown, value: string): string {
  if (isNamedBreakdown(by)) return value === 'none' ? t(`dashboard.none.${by}`) : value;
  const key = by === 'category' ? `category.${value}` : by === 'track' ? `tracks.${value}` : `channel.${value}`;
  if (t.has(key)) return t(key);
  return by === 'track' && value === 'none' ? t('dashboard.noTrack') : value;
}
