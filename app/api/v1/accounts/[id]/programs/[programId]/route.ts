import { subscribeAccount, unsubscribeAccount } from '@/server/domain/accounts/manage-accounts';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string; programId: string };

// PUT /api/v1/accounts/{id}/programs/{programId} – subscribe the account to the program (twice keeps one)
export const PUT = withApi<'accounts:manage', P>({ access: 'accounts:manage', acceptsBody: false }, async ({ ctx, params }) => {
  await subscribeAccount({ ctx, id: params.id, programId: params.programId });
  return noContent();
});

// DELETE /api/v1/accounts/{id}/programs/{programId} – unsubscribe it
export const DELETE = withApi<'accounts:manage', P>({ access: 'accounts:manage' }, async ({ ctx, params }) => {
  await unsubscribeAccount({ ctx, id: params.id, programId: params.programId });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
