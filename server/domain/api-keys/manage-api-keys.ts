// Organization API keys: create (secret shown once, scopes never beyond the creator's), list and revoke.
import type { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { newSecret } from '../../auth/secrets';
import type { Permission } from '../../auth/permissions';
import { AppError, notFound } from '../../errors';
import type { Ordering, Page } from '../shared/list';
import { heardHere, publishAccessChange } from '../../realtime/access-changes';
import { beyondGrantor } from '../access/grant-rule';
import { grantorNow, lockOrganizationAccess } from '../access/member-access';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import { isUuid } from '../organizations/organization-access';
import { createApiKeyInput, type ApiKeyDto } from './api-key.schema';

type KeyRow = { id: string; name: string; prefix: string; scopes: string[]; lastUsedAt: Date | null; expiresAt: Date | null; createdAt: Date };

const toDto = (k: KeyRow): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes as Permission[],
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  createdAt: k.createdAt.toISOString(),
});

export async function createApiKey(opts: { ctx: Ctx; input: z.input<typeof createApiKeyInput> }) {
  const ctx = requirePermission(opts.ctx, 'apiKeys:manage');
  const input = createApiKeyInput.parse(opts.input);
  const { secret, hash, visiblePrefix } = newSecret('pk', 24);
  const row = await db.$transaction(async (tx) => {
    // Under the organization's access lock, with what the caller holds now: a role change committing at this moment
    // cannot leave a new key above its creator.
    await lockOrganizationAccess(tx, ctx.organizationId);
    const grantor = await grantorNow(tx, ctx);
    // SECURITY: a key can never hold more than whoever minted it (the grant rule; refused per scope, as a form shows it).
    const missing = new Set(beyondGrantor(grantor, { permissions: input.scopes }));
    const beyond = input.scopes.map((s, i) => ({ s, i })).filter(({ s }) => missing.has(s));
    if (beyond.length) {
      throw new AppError('validation_failed', {
        message: `A key cannot do more than you can; your role does not include ${beyond.map((b) => b.s).join(', ')}`,
        errors: beyond.map(({ s, i }) => ({ path: `scopes.${i}`, message: `Your role does not include ${s}` })),
      });
    }
    const created = await tx.apiKey.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        prefix: visiblePrefix,
        hash,
        scopes: input.scopes,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind === 'apiKey' ? ctx.actor.createdById : null,
      },
    });
    // The name goes into the event so the security log still reads well after the key is renamed or gone.
    await recordAuditEvent({ type: 'api_key.created', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { apiKeyId: created.id, name: created.name, scopes: input.scopes } }, tx);
    return created;
  });
  return { ...toDto(row), key: secret };
}

export const API_KEY_ORDERING = ['name', 'createdAt', 'lastUsedAt', 'expiresAt'] as const;
// Never-used and never-expiring keys sort last either way.
const NULLABLE = new Set<string>(['lastUsedAt', 'expiresAt']);

export async function listApiKeys(opts: { ctx: Ctx; page: Page; ordering?: Ordering<(typeof API_KEY_ORDERING)[number]> }) {
  const ordering = opts.ordering ?? { field: 'createdAt', direction: 'desc' };
  const ctx = requirePermission(opts.ctx, 'apiKeys:read');
  const where = { organizationId: ctx.organizationId, revokedAt: null };
  const [count, rows] = await Promise.all([
    db.apiKey.count({ where }),
    db.apiKey.findMany({ where, orderBy: [{ [ordering.field]: NULLABLE.has(ordering.field) ? { sort: ordering.direction, nulls: 'last' } : ordering.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toDto) };
}

export async function revokeApiKey(opts: { ctx: Ctx; id: string }) {
  const ctx = requirePermission(opts.ctx, 'apiKeys:manage');
  if (!isUuid(opts.id)) throw notFound('API key');
  await db.$transaction(async (tx) => {
    const [revoked] = await tx.apiKey.updateManyAndReturn({ where: { id: opts.id, organizationId: ctx.organizationId, revokedAt: null }, data: { revokedAt: new Date() }, select: { name: true } });
    if (!revoked) throw notFound('API key');
    // SECURITY: streams opened with the key end on every instance within moments (and caches of it are evicted).
    await publishAccessChange(tx, { kind: 'apiKey', organizationId: ctx.organizationId, apiKeyId: opts.id });
    await recordAuditEvent({ type: 'api_key.revoked', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { apiKeyId: opts.id, name: revoked.name } }, tx);
  });
  // This instance refuses the key from its very next request (its cache of keys hears the change now).
  heardHere({ kind: 'apiKey', organizationId: ctx.organizationId, apiKeyId: opts.id });
}
