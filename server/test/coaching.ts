// Coaching test data: people on teams with roles, products with modules and scored sessions, through the REST API
// (joining a team writes the membership rows directly, as accepting an invite would; the invite flow has its own tests).
import { db } from '../db';
import type { Role } from '../generated/prisma/enums';
import { api } from './api-client';
import { registerAndLogin, type Tenant } from './factories';
export type Person = Awaited<ReturnType<typeof registerAndLogin>> & { headers: Record<string, string> };

/** A registered user in the tenant's organization with an org role, optionally on a team with a team role. */
export async function addPerson(t: Tenant, label: string, opts: { role?: Role; teamId?: string; teamRole?: 'member' | 'manager' } = {}): Promise<Person> {
  const user = await registerAndLogin(label);
  await db.membership.create({ data: { userId: user.userId, organizationId: t.organizationId, role: opts.role ?? 'member' } });
  if (opts.teamId) await putOnTeam(t, user.userId, opts.teamId, opts.teamRole ?? 'member');
  return { ...user, headers: { ...user.bearer, 'x-organization-id': t.organizationId } };
}

export async function putOnTeam(t: Tenant, userId: string, teamId: string, role: 'member' | 'manager' = 'member') {
  await db.teamMember.create({ data: { organizationId: t.organizationId, teamId, userId, role } });
}

export async function createTeam(headers: Record<string, string>, name: string, managerIds?: string[]) {
  const res = await api('POST', '/teams', { headers, json: { name, ...(managerIds && { managerIds }) } });
  if (res.status !== 201) throw new Error(`team failed: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string };
}

export async function createProductWithModule(headers: Record<string, string>, opts: { keywords?: string[]; targetTime?: number } = {}) {
  const product = await api('POST', '/products', { headers, json: { name: `Product ${Math.random().toString(36).slice(2, 7)}` } });
  if (product.status !== 201) throw new Error(`product failed: ${product.status} ${product.text}`);
  const module = await api('POST', `/products/${product.body.id}/modules`, {
    headers,
    json: { name: 'Discovery call', instructions: ['Greet', 'Ask about needs'], keywords: opts.keywords ?? ['free trial', 'warranty'], targetTime: opts.targetTime ?? 60 },
  });
  if (module.status !== 201) throw new Error(`module failed: ${module.status} ${module.text}`);
  return { productId: product.body.id as string, moduleId: module.body.id as string };
}

/** Timed words of a short pitch: `text` split on spaces, one word every 0.4 s. */
export const wordsOf = (text: string, startAt = 0) => text.split(/\s+/).map((w, i) => ({ text: w, start: startAt + i * 0.4, end: startAt + i * 0.4 + 0.3 }));

export const PITCH = 'Hi I am calling about um the free trial of our platform it comes with a full warranty and you know it saves your team time every week';

export async function recordSession(headers: Record<string, string>, moduleId: string, opts: { text?: string; recordedAt?: string; opportunity?: string } = {}) {
  const res = await api('POST', '/sessions', { headers, json: { moduleId, transcript: { words: wordsOf(opts.text ?? PITCH) }, ...(opts.recordedAt && { recordedAt: opts.recordedAt }), ...(opts.opportunity && { opportunity: opts.opportunity }) } });
  if (res.status !== 201) throw new Error(`session failed: ${res.status} ${res.text}`);
  return res.body as { id: string; final: number };
}
