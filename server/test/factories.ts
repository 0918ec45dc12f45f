// Test data through the public API, with random emails so test files run in parallel without colliding.
import { randomBytes } from 'node:crypto';
import { PERMISSIONS } from '../auth/permissions';
import { api } from './api-client';

export const PASSWORD = 'correct horse battery staple';

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(5).toString('hex')}@example.test`;
// Each simulated client gets its own address, so per-IP budgets of public endpoints do not leak between tests.
export const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

export async function registerAndLogin(label = 'user') {
  const ip = randomIp();
  const email = uniqueEmail(label);
  const reg = await api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: 'Ada', lastName: label }, headers: { 'x-pitchcraft-peer': ip } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const tok = await api('POST', '/auth/token', { json: { email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': ip } });
  if (tok.status !== 200) throw new Error(`token failed: ${tok.status} ${tok.text}`);
  return { email, ip, userId: reg.body.id as string, access: tok.body.access as string, refresh: tok.body.refresh as string, bearer: { authorization: `Bearer ${tok.body.access}` } };
}

export type Tenant = Awaited<ReturnType<typeof newTenant>>;

export async function newTenant(label = 'tenant') {
  const owner = await registerAndLogin(label);
  const org = await api('POST', '/organizations', { json: { name: `Org ${label}`, baseCurrency: 'USD', currencies: ['EUR'] }, headers: owner.bearer });
  if (org.status !== 201) throw new Error(`org failed: ${org.status} ${org.text}`);
  const orgHeaders = { ...owner.bearer, 'x-organization-id': org.body.id as string };
  const key = await api('POST', '/api-keys', { json: { name: 'all scopes', scopes: [...PERMISSIONS] }, headers: orgHeaders });
  if (key.status !== 201) throw new Error(`key failed: ${key.status} ${key.text}`);
  return { owner, organizationId: org.body.id as string, orgHeaders, apiKey: key.body.key as string, apiKeyId: key.body.id as string, keyHeaders: { 'x-api-key': key.body.key as string } };
}
