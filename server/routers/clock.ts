import { z } from 'zod';
import { clockUnits } from '../domain/tracks';
import { previewClock } from '../services/clocks';
import { roleProcedure, router } from '../trpc';

export const clockRouter = router({
  /**
   * Contract for other systems and the registration form: the due date of a clock of `days`
   * (calendar or working) started at `start`, counted by the law's rules and the official
   * calendar, with the steps of the computation in the caller's language.
   */
  preview: roleProcedure('clerk', 'director', 'mediator', 'judge', 'lawyer', 'labor_official', 'psychologist', 'supervisor', 'admin')
    .input(z.object({ start: z.iso.datetime({ offset: true }), days: z.number().int().positive().max(3650), unit: z.enum(clockUnits) }))
    .query(({ ctx, input }) => previewClock(ctx.db, { start: new Date(input.start), days: input.days, unit: input.unit }, ctx.locale)),
});
