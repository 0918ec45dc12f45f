// The signed-in user: profile, password, registration and the organizations they belong to.
import { z } from 'zod';
import { changePassword } from '../../domain/identity/change-password';
import { getMe } from '../../domain/identity/get-me';
import { registerUser } from '../../domain/identity/register-user';
import { removeMyImage, useUploadAsMyImage } from '../../domain/identity/set-my-image';
import { updateMe } from '../../domain/identity/update-me';
import { checkPasswordResetToken, confirmPasswordReset, requestPasswordReset } from '../../domain/identity/password-reset';
import { changePasswordInput, passwordResetConfirmInput, passwordResetRequestInput, registerInput, updateMeInput } from '../../domain/identity/user.schema';
import { createOrganization, listOrganizations, makeOrganizationActive } from '../../domain/organizations/manage-organizations';
import { createOrganizationInput } from '../../domain/organizations/organization.schema';
import { publicProcedure, router, userProcedure } from '../init';

// The browser first streams the photo to PUT /api/uploads/image, then names that upload here.
const useUploadInput = z.object({ uploadId: z.uuid() }).strict();

export const accountRouter = router({
  // The 'auth' tier, as their REST routes (POST /auth/register, /auth/password-reset, …/confirm, /auth/change-password):
  // one budget per address or user for both doors.
  register: publicProcedure.meta({ rateLimit: 'auth' }).input(registerInput).mutation(({ input, ctx }) => registerUser({ input, ip: ctx.ip })),
  requestPasswordReset: publicProcedure.meta({ rateLimit: 'auth' }).input(passwordResetRequestInput).mutation(async ({ input, ctx }) => {
    await requestPasswordReset({ input, ip: ctx.ip });
  }),
  checkPasswordReset: publicProcedure.input(z.object({ token: z.string().max(200) }).strict()).query(({ input }) => checkPasswordResetToken({ token: input.token })),
  confirmPasswordReset: publicProcedure.meta({ rateLimit: 'auth' }).input(passwordResetConfirmInput).mutation(({ input, ctx }) => confirmPasswordReset({ input, ip: ctx.ip })),
  me: userProcedure.query(({ ctx }) => getMe({ ctx: ctx.app })),
  updateMe: userProcedure.input(updateMeInput).mutation(({ ctx, input }) => updateMe({ ctx: ctx.app, input })),
  setImage: userProcedure.input(useUploadInput).mutation(({ ctx, input }) => useUploadAsMyImage({ ctx: ctx.app, uploadId: input.uploadId })),
  removeImage: userProcedure.mutation(({ ctx }) => removeMyImage({ ctx: ctx.app })),
  changePassword: userProcedure.meta({ rateLimit: 'auth' }).input(changePasswordInput).mutation(({ ctx, input }) => changePassword({ ctx: ctx.app, input })),
  organizations: userProcedure.query(({ ctx }) =>
    listOrganizations({ ctx: ctx.app, page: { limit: 200, offset: 0 }, ordering: { field: 'name', direction: 'asc' } }),
  ),
  createOrganization: userProcedure.input(createOrganizationInput).mutation(({ ctx, input }) => createOrganization({ ctx: ctx.app, input })),
  makeActive: userProcedure.input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => makeOrganizationActive({ ctx: ctx.app, id: input.id })),
});
