import { settingInput } from '@/server/domain/accounts/account.schema';
import { deleteAccountSetting, getAccountSetting, putAccountSetting } from '@/server/domain/accounts/manage-accounts';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string; name: string };

// GET /api/v1/accounts/{id}/settings/{name} – one setting of the account
export const GET = withApi<'accounts:read', P>({ access: 'accounts:read' }, async ({ ctx, params }) => ok(await getAccountSetting({ ctx, id: params.id, name: params.name })));

// PUT /api/v1/accounts/{id}/settings/{name} – set it: { value }
export const PUT = withApi<'accounts:manage', P>({ access: 'accounts:manage' }, async ({ ctx, params, body }) => ok(await putAccountSetting({ ctx, id: params.id, name: params.name, input: body.json(settingInput) })));

// DELETE /api/v1/accounts/{id}/settings/{name} – remove it
export const DELETE = withApi<'accounts:manage', P>({ access: 'accounts:manage' }, async ({ ctx, params }) => {
  await deleteAccountSetting({ ctx, id: params.id, name: params.name });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
