import { z } from 'zod';
import { verifyDocument } from '../services/documents';
import { publicProcedure, router } from '../trpc';

export const verifyRouter = router({
  /** Public: is this printed document the one on record? Kind, case number, date, masked names, hash — nothing more. */
  document: publicProcedure
    .input(z.object({ documentId: z.uuid(), hash: z.string().trim().regex(/^[0-9a-fA-F]{64}$/).optional() }))
    .query(({ ctx, input }) => verifyDocument(ctx.db, input.documentId, input.hash)),
});
