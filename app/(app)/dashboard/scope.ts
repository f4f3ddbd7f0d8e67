import { z } from 'zod';
import { monthOf } from '@/server/domain/kpis';
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
