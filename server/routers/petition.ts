import { z } from 'zod';
import { categories } from '../domain/case-status';
import { listCenters, listMyCases } from '../services/case-queries';
import { submitPetition } from '../services/submit-petition';
import { roleProcedure, router } from '../trpc';

export const petitionInput = z.object({
  centerId: z.uuid(),
  category: z.enum(categories),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(5000),
});

export const petitionRouter = router({
  centers: roleProcedure('petitioner').query(({ ctx }) => listCenters(ctx.db)),
  submit: roleProcedure('petitioner')
    .input(petitionInput)
    .mutation(({ ctx, input }) => submitPetition(ctx.db, ctx.user, input)),
  mine: roleProcedure('petitioner').query(({ ctx }) => listMyCases(ctx.db, ctx.user)),
});
