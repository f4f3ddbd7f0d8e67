import { z } from 'zod';
import { organizationKinds, panelRoles, userStatuses } from '../domain/roles';
import { checklistTemplateFor, setChecklistTemplate } from '../services/checklist-templates';
import { routingRulesFor, setRoutingRules } from '../services/routing-rules';
import { listCenterUsers, setUserStatus } from '../services/users';
import { optional } from './fields';
import { roleProcedure, router } from '../trpc';

export const adminRouter = router({
  users: roleProcedure('admin').query(({ ctx }) => listCenterUsers(ctx.db, ctx.user)),
  setUserStatus: roleProcedure('admin')
    .input(z.object({ userId: z.uuid(), status: z.enum(userStatuses) }))
    .mutation(({ ctx, input }) => setUserStatus(ctx.db, ctx.user, input)),
  routingRules: roleProcedure('admin')
    .input(z.object({ category: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => routingRulesFor(ctx.db, ctx.user, input.category)),
  setRoutingRules: roleProcedure('admin')
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
    .mutation(({ ctx, input }) => setRoutingRules(ctx.db, ctx.user, input)),
  checklistTemplate: roleProcedure('admin')
    .input(z.object({ category: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => checklistTemplateFor(ctx.db, ctx.user, input.category)),
  setChecklistTemplate: roleProcedure('admin')
    .input(z.object({ category: z.string().trim().min(1).max(40), labels: z.array(z.string().trim().min(1).max(100)).max(30) }))
    .mutation(({ ctx, input }) => setChecklistTemplate(ctx.db, ctx.user, input)),
});
