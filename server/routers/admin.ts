import { z } from 'zod';
import { calendarDayKinds } from '../domain/calendar';
import { organizationKinds, panelRoles, userStatuses } from '../domain/roles';
import { clockUnits } from '../domain/tracks';
import { calendarCoverage, listClockPolicies, listHolidays, removeHoliday, setClockPolicy, setHoliday } from '../services/calendar-admin';
import { checklistTemplateFor, setChecklistTemplate } from '../services/checklist-templates';
import { routingRulesFor, setRoutingRules } from '../services/routing-rules';
import { listCenterUsers, setUserStatus } from '../services/users';
import { dateField, optional } from './fields';
import { roleProcedure, router } from '../trpc';

const admin = roleProcedure('admin');

export const adminRouter = router({
  users: admin.query(({ ctx }) => listCenterUsers(ctx.db, ctx.user)),
  setUserStatus: admin
    .input(z.object({ userId: z.uuid(), status: z.enum(userStatuses) }))
    .mutation(({ ctx, input }) => setUserStatus(ctx.svc, input)),
  routingRules: admin
    .input(z.object({ category: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => routingRulesFor(ctx.db, ctx.user, input.category)),
  setRoutingRules: admin
    .input(
      z.object({
        category: z.string().trim().min(1).max(40),
        rules: z
          .array(
            z.object({
              role: z.enum(panelRoles),
              isLead: z.boolean(),
              organizationKind: optional(z.enum(organizationKinds)),
              condition: optional(z.string().trim().max(100)),
            }),
          )
          .max(10),
      }),
    )
    .mutation(({ ctx, input }) => setRoutingRules(ctx.svc, input)),
  checklistTemplate: admin
    .input(z.object({ category: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => checklistTemplateFor(ctx.db, ctx.user, input.category)),
  setChecklistTemplate: admin
    .input(z.object({ category: z.string().trim().min(1).max(40), labels: z.array(z.string().trim().min(1).max(100)).max(30) }))
    .mutation(({ ctx, input }) => setChecklistTemplate(ctx.svc, input)),
  /** The official calendar the legal clocks count (national; shipped from the State Council's notices). */
  holidays: admin.input(z.object({ year: z.number().int().min(2000).max(2100) })).query(({ ctx, input }) => listHolidays(ctx.db, input.year)),
  calendarCoverage: admin.query(({ ctx }) => calendarCoverage(ctx.db)),
  setHoliday: admin
    .input(
      z.object({
        date: dateField,
        kind: z.enum(calendarDayKinds),
        name: z.string().trim().min(1).max(40),
        source: z.string().trim().min(1).max(200),
      }),
    )
    .mutation(({ ctx, input }) => setHoliday(ctx.svc, input)),
  removeHoliday: admin.input(z.object({ date: dateField })).mutation(({ ctx, input }) => removeHoliday(ctx.svc, input)),
  /** The center's own lengths of the legal clocks. */
  clockPolicies: admin.query(({ ctx }) => listClockPolicies(ctx.db, ctx.user)),
  setClockPolicy: admin
    .input(z.object({ key: z.string().trim().min(1).max(60), days: z.number().int().min(1).max(365).nullable(), unit: z.enum(clockUnits) }))
    .mutation(({ ctx, input }) => setClockPolicy(ctx.svc, input)),
});
