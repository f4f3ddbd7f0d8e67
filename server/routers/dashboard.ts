import { z } from 'zod';
import { breakdowns, kpiIds, trendGrains } from '../domain/kpis';
import { centerDashboard, centerTrend, freezeMonth, kpiCases, regionDashboard } from '../services/dashboard';
import { disposeWarning } from '../services/early-warnings';
import { warningOwnerRoles } from '../domain/warning-settings';
import { roleProcedure, router } from '../trpc';
import { monthField } from './fields';

const dashboardRoles = roleProcedure('director', 'supervisor');

// A director sees their own center (the id is ignored); a supervisor names a center of the region.
const scope = { month: monthField, centerId: z.uuid().optional() };

export const dashboardRouter = router({
  center: dashboardRoles.input(z.object({ ...scope, by: z.enum(breakdowns).default('category') })).query(({ ctx, input }) => centerDashboard(ctx.db, ctx.user, input)),
  /** The warning's owner (or a director) records what was done about it. */
  disposeWarning: roleProcedure(...warningOwnerRoles)
    .input(z.object({ ref: z.string().regex(/^[0-9a-f]{64}$/), disposition: z.string().trim().min(1).max(1000) }))
    .mutation(({ ctx, input }) => disposeWarning(ctx.svc, input)),
  /** The director freezes an ended month's figures. */
  freeze: roleProcedure('director')
    .input(z.object({ month: monthField }))
    .mutation(({ ctx, input }) => freezeMonth(ctx.svc, input)),
  /** Every indicator by month (the twelve up to this one) or by week (the thirteen up to its end). */
  trend: dashboardRoles.input(z.object({ ...scope, grain: z.enum(trendGrains).default('month') })).query(({ ctx, input }) => centerTrend(ctx.db, ctx.user, input)),
  /** Every center of the supervisor's region in the same indicators. */
  region: roleProcedure('supervisor')
    .input(z.object({ month: monthField }))
    .query(({ ctx, input }) => regionDashboard(ctx.db, ctx.user, input)),
  /** The cases behind one figure of the dashboard. */
  cases: dashboardRoles
    .input(
      z.object({ ...scope, kpi: z.enum(kpiIds), side: z.enum(['numerator', 'denominator']), by: z.enum(breakdowns).default('category'), value: z.string().max(64).optional() }),
    )
    .query(({ ctx, input }) => kpiCases(ctx.db, ctx.user, input)),
});
