import { z } from 'zod';
import { registerPetitioner } from '../services/register-petitioner';
import { changePassword, ownAccount } from '../services/users';
import { requestPhoneCode } from '../services/phone-codes';
import { authedProcedure, publicProcedure, router } from '../trpc';
import { mobileField, nameField, passwordField, smsCodeField } from './fields';

export const authRouter = router({
  requestCode: publicProcedure
    .input(z.object({ phone: mobileField }))
    .mutation(({ ctx, input }) =>
      requestPhoneCode(ctx.db, { phone: input.phone, purpose: 'register', ip: ctx.ip, locale: ctx.locale }),
    ),

  register: publicProcedure
    .input(z.object({ phone: mobileField, code: smsCodeField, name: nameField, password: passwordField }))
    .mutation(({ ctx, input }) => registerPetitioner(ctx.db, input)),

  me: authedProcedure.query(({ ctx }) => ownAccount(ctx.db, ctx.user)),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordField }))
    .mutation(({ ctx, input }) => changePassword(ctx.svc, input)),
});
