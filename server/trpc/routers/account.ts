// The signed-in user: profile, password, registration and the organizations they belong to.
import { z } from 'zod';
import { changePassword } from '../../domain/identity/change-password';
import { getMe } from '../../domain/identity/get-me';
import { registerUser } from '../../domain/identity/register-user';
import { removeMyImage, setMyImage } from '../../domain/identity/set-my-image';
import { updateMe } from '../../domain/identity/update-me';
import { changePasswordInput, registerInput, updateMeInput } from '../../domain/identity/user.schema';
import { createOrganization, listOrganizations, makeOrganizationActive } from '../../domain/organizations/manage-organizations';
import { createOrganizationInput } from '../../domain/organizations/organization.schema';
import { publicProcedure, router, userProcedure } from '../init';

// The browser sends the photo as base64 inside JSON (tRPC's body); the domain checks its type and size from the bytes.
const uploadImageInput = z
  .object({ contentType: z.string().max(100), base64: z.string().max(7 * 1024 * 1024, 'Images are limited to 5 MB') })
  .strict();

export const accountRouter = router({
  // The 'auth' tier, as POST /auth/register and /auth/change-password: one budget per address or user for both doors.
  register: publicProcedure.meta({ rateLimit: 'auth' }).input(registerInput).mutation(({ input, ctx }) => registerUser({ input, ip: ctx.ip })),
  me: userProcedure.query(({ ctx }) => getMe({ ctx: ctx.app })),
  updateMe: userProcedure.input(updateMeInput).mutation(({ ctx, input }) => updateMe({ ctx: ctx.app, input })),
  setImage: userProcedure
    .input(uploadImageInput)
    .mutation(({ ctx, input }) => setMyImage({ ctx: ctx.app, bytes: Buffer.from(input.base64, 'base64'), contentType: input.contentType })),
  removeImage: userProcedure.mutation(({ ctx }) => removeMyImage({ ctx: ctx.app })),
  changePassword: userProcedure.meta({ rateLimit: 'auth' }).input(changePasswordInput).mutation(({ ctx, input }) => changePassword({ ctx: ctx.app, input })),
  organizations: userProcedure.query(({ ctx }) =>
    listOrganizations({ ctx: ctx.app, page: { limit: 200, offset: 0 }, ordering: { field: 'name', direction: 'asc' } }),
  ),
  createOrganization: userProcedure.input(createOrganizationInput).mutation(({ ctx, input }) => createOrganization({ ctx: ctx.app, input })),
  makeActive: userProcedure.input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => makeOrganizationActive({ ctx: ctx.app, id: input.id })),
});
