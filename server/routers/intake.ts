import { z } from 'zod';
import { caseStatuses, channels } from '../domain/case-status';
import { tracks } from '../domain/tracks';
import { listIntakeQueue } from '../services/case-queries';
import { centerDestinations } from '../services/center-config';
import { clockRuleFor } from '../services/clocks';
import { decideAcceptance, linkCases, mergeCase } from '../services/intake-decisions';
import { registerPetition } from '../services/register-petition';
import { assignOut } from '../services/closure';
import { listPageSize } from '../services/paging';
import { refuseAfterReReview } from '../services/reviews';
import { caseProcedure, roleProcedure, router } from '../trpc';
import { dateField, optional, pageField } from './fields';
import { clerkPetitionInput } from './petition.schema';

const intakeStaff = roleProcedure('clerk', 'director');

export const intakeRouter = router({
  queue: intakeStaff
    .input(
      z
        .object({
          status: z.enum(caseStatuses).default('registered'),
          channel: optional(z.enum(channels)),
          category: optional(z.string().max(40)),
          dueWithinDays: optional(z.coerce.number().int().min(-365).max(60)),
          search: optional(z.string().trim().max(50)),
          sort: z.enum(['due', 'newest']).default('due'),
          page: pageField,
          pageSize: z.coerce.number().int().min(5).max(100).default(listPageSize),
        })
        .default({ status: 'registered', sort: 'due', page: 1, pageSize: listPageSize }),
    )
    .query(({ ctx, input }) => listIntakeQueue(ctx.db, ctx.user, input)),

  destinations: intakeStaff.query(({ ctx }) => (ctx.user.centerId ? centerDestinations(ctx.db, ctx.user.centerId) : [])),

  /** The center's acceptance clock (days and unit), for the registration form's deadline preview. */
  acceptanceRule: intakeStaff.query(async ({ ctx }) => {
    const rule = ctx.user.centerId ? await clockRuleFor(ctx.db, ctx.user.centerId, 'acceptance', null) : null;
    return rule ? { days: rule.days, unit: rule.unit } : null;
  }),

  /** A petition taken at the window, by phone, from a letter, a transfer or a terminal. */
  register: intakeStaff.input(clerkPetitionInput).mutation(({ ctx, input }) => {
    const { channel, inPerson, sourceAgency, receivedOn, ...petition } = input;
    return registerPetition(ctx.svc, petition, { channel, inPerson, sourceAgency, receivedOn });
  }),

  decide: caseProcedure
    .input(
      z.object({
        decision: z.enum(['accept', 'decline', 'transfer']),
        reason: optional(z.string().trim().max(1000)),
        destinationId: optional(z.uuid()),
        track: optional(z.enum(tracks)),
        expectedVersion: z.number().int().min(1),
      }),
    )
    .mutation(({ ctx, input }) => decideAcceptance(ctx.svc, ctx.access, input)),

  merge: caseProcedure
    .input(z.object({ intoCaseId: z.uuid(), expectedVersion: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => mergeCase(ctx.svc, ctx.access, input)),

  /** The same matter, already re-reviewed: declined with the notice that it is not accepted again. */
  refuseAfterReReview: caseProcedure
    .input(z.object({ earlierCaseId: z.uuid(), expectedVersion: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => refuseAfterReReview(ctx.svc, ctx.access, input)),

  /** 交办: assigned to another body, which reports back by a date. */
  assignOut: caseProcedure
    .input(z.object({ destination: z.string().trim().min(1).max(100), reportDueOn: dateField, expectedVersion: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => assignOut(ctx.svc, ctx.access, input)),

  link: caseProcedure
    .input(z.object({ otherCaseId: z.uuid() }))
    .mutation(({ ctx, input }) => linkCases(ctx.svc, ctx.access, input)),
});
