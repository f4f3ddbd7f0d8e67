import { z } from 'zod';
import { trackCase } from '../services/tracking';
import { publicProcedure, router } from '../trpc';
import { caseNumberPattern } from '../domain/case-number';

export const trackingRouter = router({
  /** A mutation so that case number, code and phone digits travel in the body, never in a URL or a log line. */
  lookup: publicProcedure
    .input(
      z.object({
        caseNumber: z.string().trim().regex(caseNumberPattern, { error: 'validation.caseNumber' }),
        trackingCode: z.string().trim().min(1, { error: 'validation.trackingCode' }).min(4).max(12),
        phoneLast4: z.string().trim().regex(/^\d{4}$/, { error: 'validation.phoneLast4' }),
      }),
    )
    .mutation(({ ctx, input }) => trackCase(ctx.db, { ...input, ip: ctx.ip }, ctx.locale)),
});
