import { z } from 'zod';
import { panelRoles } from '../domain/roles';
import { assignPanel, listPanelCases, panelSuggestions } from '../services/panel';
import { caseProcedure, roleProcedure, router } from '../trpc';
import { pageInput } from './fields';

export const panelRouter = router({
  /** A panel member's own cases. */
  mine: roleProcedure(...panelRoles)
    .input(pageInput)
    .query(({ ctx, input }) => listPanelCases(ctx.db, ctx.user, input)),
  /** Who could sit on this case's panel, by the center's routing rules; for the staff who assign. */
  suggestions: caseProcedure.query(({ ctx }) => panelSuggestions(ctx.db, ctx.access)),
  assign: caseProcedure
    .input(
      z.object({
        members: z.array(z.object({ userId: z.uuid(), isLead: z.boolean() })).min(1).max(12),
        expectedVersion: z.number().int().min(1),
      }),
    )
    .mutation(({ ctx, input }) => assignPanel(ctx.svc, ctx.access, input)),
});
