import { accountInput } from '@/server/domain/accounts/account.schema';
import { deleteAccount, getAccount, updateAccount } from '@/server/domain/accounts/manage-accounts';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/accounts/{id} – a sender account with its settings, subscriptions and owner
export const GET = withApi<'accounts:read', P>({ access: 'accounts:read' }, async ({ ctx, params }) => ok(await getAccount({ ctx, id: params.id })));

// PUT /api/v1/accounts/{id} – replace name, type, address and active
export const PUT = withApi<'accounts:manage', P>({ access: 'accounts:manage' }, async ({ ctx, params, body }) => ok(await updateAccount({ ctx, id: params.id, input: body.json(accountInput) })));

// DELETE /api/v1/accounts/{id} – delete it (409 while a program handles its traffic)
export const DELETE = withApi<'accounts:manage', P>({ access: 'accounts:manage' }, async ({ ctx, params }) => {
  await deleteAccount({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
