import { z } from 'zod';
import { breakdowns, monthOf, trendGrains, type Breakdown, type TrendGrain } from '@/server/domain/kpis';
import { monthField } from '@/server/routers/fields';

type Search = Record<string, string | string[] | undefined>;

/**
 * The dashboard's scope from its address: the month (this month when absent or malformed) and,
 * for a supervisor, the center of the region (checked by the server like every input).
 */
export function dashboardScope(search: Search, now = new Date()) {
  const month = monthField.safeParse(search.month);
  const center = z.uuid().safeParse(search.center);
  return { month: month.success ? month.data : monthOf(now), centerId: center.success ? center.data : undefined };
}

/** An address within the dashboard for this scope, with more parameters. */
export function dashboardHref(path: '/dashboard' | '/dashboard/cases' | '/api/exports/dashboard', scope: { month: string; centerId?: string }, more: Record<string, string> = {}) {
  const params = new URLSearchParams({ month: scope.month, ...(scope.centerId ? { center: scope.centerId } : {}), ...more });
  return `${path}?${params}`;
}

/** The breakdown chosen in the address (by category when absent or unknown). */
export function breakdownOf(search: Search): Breakdown {
  return breakdowns.find((b) => b === search.by) ?? 'category';
}

/** The trend's grain chosen in the address (by month when absent or unknown). */
export function trendGrainOf(search: Search): TrendGrain {
  return trendGrains.find((g) => g === search.grain) ?? 'month';
}

// The pages and their exports label a breakdown's values alike.
export { breakdownLabel } from '@/server/domain/dashboard-tables';
