import { ACCOUNT_ORDERING, accountInput } from '@/server/domain/accounts/account.schema';
import { createAccount, listAccounts } from '@/server/domain/accounts/manage-accounts';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/accounts – sender accounts (?type=email|phone|extension, ?search over name and address)
export const GET = withApi({ access: 'accounts:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, ACCOUNT_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listAccounts({ ctx, page, ordering, type: url.searchParams.get('type') ?? undefined, search: url.searchParams.get('search') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/accounts – create a sender account (an email's address is an email, a phone's an E.164 number)
export const POST = withApi({ access: 'accounts:manage' }, async ({ ctx, body }) => {
  const account = await createAccount({ ctx, input: body.json(accountInput) });
  return created(account, `/api/v1/accounts/${account.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
