import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { breakdowns, kpiIds, trendGrains } from '../../domain/kpis';
import { monthField } from '../../routers/fields';
import { exportFormats } from './sheet-stream';

export const exportTables = ['report', 'trend', 'cases', 'region'] as const;
export type ExportTable = (typeof exportTables)[number];

// The same inputs as the dashboard's procedures (server/routers/dashboard.ts), from the address.
const format = z.enum(exportFormats).default('csv');
const scope = { month: monthField, centerId: z.uuid().optional(), format };
const by = z.enum(breakdowns).default('category');

export const exportRequest = z.discriminatedUnion('table', [
  /** The month's report: every figure with its definition and version, then the breakdown table. */
  z.object({ table: z.literal('report'), ...scope, by }),
  z.object({ table: z.literal('trend'), ...scope, grain: z.enum(trendGrains).default('month') }),
  /** The cases behind one figure (of the month, or of a breakdown row). */
  z.object({ table: z.literal('cases'), ...scope, kpi: z.enum(kpiIds), side: z.enum(['numerator', 'denominator']), by, value: z.string().min(1).max(64).optional() }),
  z.object({ table: z.literal('region'), month: monthField, format }),
]);
export type ExportRequest = z.infer<typeof exportRequest>;

/** The request in the address: the report when no table is named; a supervisor's center is `center`. */
export function exportRequestOf(url: URL) {
  const { center, ...params } = Object.fromEntries(url.searchParams);
  return exportRequest.safeParse({ table: 'report', ...params, ...(center === undefined ? {} : { centerId: center }) });
}

/**
 * Who may export which table: the roles of the dashboard's procedures. Which center (or region)
 * they may see is then the dashboard's own rule (dashboardCenter → centerInScope).
 */
export const exportRoles: Record<ExportTable, readonly Role[]> = {
  report: ['director', 'supervisor'],
  trend: ['director', 'supervisor'],
  cases: ['director', 'supervisor'],
  region: ['supervisor'],
};

export const mayExportAny = (role: Role) => Object.values(exportRoles).some((roles) => roles.includes(role));
