import { z } from 'zod';
import { visibilities } from '../domain/case-status';
import { uploadEvidence } from '../services/evidence';
import { roleProcedure, router } from '../trpc';
import { optional } from './fields';

/** A multipart form: `file`, and optionally `caseId` and `visibility`. */
const uploadForm = z
  .instanceof(FormData)
  .transform((form): Record<string, unknown> => ({ file: form.get('file'), caseId: form.get('caseId'), visibility: form.get('visibility') }))
  .pipe(
    z.object({
      file: z.instanceof(File, { error: 'evidence.noFile' }),
      caseId: optional(z.uuid()),
      visibility: optional(z.enum(visibilities)),
    }),
  );

export const evidenceRouter = router({
  upload: roleProcedure('petitioner', 'clerk', 'director', 'mediator', 'judge', 'lawyer', 'labor_official', 'psychologist')
    .input(uploadForm)
    .mutation(({ ctx, input }) => uploadEvidence(ctx.svc, input)),
});
