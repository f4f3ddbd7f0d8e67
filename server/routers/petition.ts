import { z } from 'zod';
import { listCenters, listMyCases } from '../services/case-queries';
import { centerCategoryOptions, centerTownships } from '../services/center-config';
import { precheckPetition } from '../services/precheck';
import { registerPetition } from '../services/register-petition';
import { roleProcedure, router } from '../trpc';
import { pageInput } from './fields';
import { petitionInput, precheckInput } from './petition.schema';

export const petitionRouter = router({
  centers: roleProcedure('petitioner', 'clerk', 'director').query(({ ctx }) => listCenters(ctx.db)),
  categories: roleProcedure('petitioner', 'clerk', 'director')
    .input(z.object({ centerId: z.uuid() }))
    .query(({ ctx, input }) => centerCategoryOptions(ctx.db, input.centerId)),
  townships: roleProcedure('petitioner', 'clerk', 'director')
    .input(z.object({ centerId: z.uuid() }))
    .query(({ ctx, input }) => centerTownships(ctx.db, input.centerId)),
  /** Before submitting: the petitioner's own open cases that look like the same matter. */
  precheck: roleProcedure('petitioner')
    .input(precheckInput)
    .query(({ ctx, input }) => precheckPetition(ctx.db, ctx.user, input)),
  submit: roleProcedure('petitioner')
    .input(petitionInput)
    .mutation(({ ctx, input }) => registerPetition(ctx.svc, input, { channel: 'online' })),
  mine: roleProcedure('petitioner')
    .input(pageInput)
    .query(({ ctx, input }) => listMyCases(ctx.db, ctx.user, input)),
});
