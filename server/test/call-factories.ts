// Live-call test data through the public API: an organization's call token, customers' calls, extra dealers.
import type { Role } from '../generated/prisma/enums';
import { db } from '../db';
import { api } from './api-client';
import { newTenant, randomIp, registerAndLogin } from './factories';

export type Tenant = Awaited<ReturnType<typeof newTenant>>;

// VINs whose decodes are known (check digits right): make, model, type.
export const VINS = {
  accord: '1HGCM82633A004352', // Honda Accord 2003, Coupe
  kona: 'KM8K2CAB4PU001140', // Hyundai Kona 2023, SUV
  corolla: '2T1BURHEXJC043821', // Toyota Corolla 2018, Sedan
  f150: '1FTFW1ET9DFC10312', // Ford F-150 2013, Pickup
} as const;

export async function callTokenOf(t: Tenant): Promise<string> {
  const org = await api('GET', `/organizations/${t.organizationId}`, { headers: t.orgHeaders });
  return org.body.callToken as string;
}

/** A customer asks for a call; returns the created call with its token and headers to act as that customer. */
export async function requestCall(t: Tenant, body: Record<string, unknown> = {}) {
  const token = await callTokenOf(t);
  const res = await api('POST', '/calls', { json: { vin: VINS.corolla, ...body }, headers: { 'x-organization-token': token, 'x-pitchcraft-peer': randomIp() } });
  if (res.status !== 201) throw new Error(`call failed: ${res.status} ${res.text}`);
  return { id: res.body.id as string, callToken: res.body.callToken as string, customer: { 'x-call-token': res.body.callToken as string, 'x-pitchcraft-peer': randomIp() } };
}

/** Another member of the tenant's organization, signed in, acting there. */
export async function newDealer(t: Tenant, role: Role = 'member', label = 'dealer') {
  const u = await registerAndLogin(label);
  await db.membership.create({ data: { userId: u.userId, organizationId: t.organizationId, role } });
  return { ...u, headers: { ...u.bearer, 'x-organization-id': t.organizationId } };
}
