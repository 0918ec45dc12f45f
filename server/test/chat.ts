// Contexts for the chat slice's domain tests: a member's, an API key's and an external user's, as the doors resolve them.
import { resolveApiKeyContext, resolveUserContext } from '../auth/resolve-context';
import { resolveExternalKeyContext } from '../auth/external-user-context';
import type { Ctx } from '../context';
import { registerExternalUser } from '../domain/external-users/register-external-user';
import type { Tenant } from './factories';

export const memberCtx = (t: Tenant, userId: string): Promise<Ctx> => resolveUserContext({ userId, requestedOrganizationId: t.organizationId, requestId: 'test' });
export const keyCtx = (t: Tenant): Promise<Ctx> => resolveApiKeyContext(t.apiKey, 'test');
export const externalCtx = (apiKey: string): Promise<Ctx> => resolveExternalKeyContext(apiKey, 'test');

/** Registers an installation for the tenant (by its all-scopes key) and answers its user id, key and context. */
export async function newExternalUser(t: Tenant, deviceName = 'Pixel 8') {
  const registered = await registerExternalUser({
    ctx: await keyCtx(t),
    input: { uniqueId: `install-${Math.random().toString(36).slice(2)}`, platform: 'android', deviceName, hardwareId: 'hw-1', osVersion: '15' },
  });
  return { userId: registered.virtualUser, apiKey: registered.apiKey!, ctx: await externalCtx(registered.apiKey!) };
}
