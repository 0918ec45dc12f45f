// Demo Motors' integrations: a CRM sync and a dialer in daily use, a reporting export that expires, and a website
// form key that was revoked, each with its "created" (and "revoked") entry in the security log.
import { newSecret } from '../../server/auth/secrets';
import type { Permission } from '../../server/auth/permissions';
import { ago, DEMO_IPS, type SeedSection } from './section';

type DemoKey = { name: string; scopes: Permission[]; by: string; createdDaysAgo: number; lastUsed?: [days: number, hours: number]; expiresInDays?: number; revokedDaysAgo?: number };

export const DEMO_KEYS: DemoKey[] = [
  { name: 'Website lead form', scopes: ['organization:read'], by: 'owner', createdDaysAgo: 33, lastUsed: [16, 2], revokedDaysAgo: 15 },
  { name: 'CRM sync', scopes: ['organization:read', 'members:read', 'statistics:read'], by: 'owner', createdDaysAgo: 28, lastUsed: [0, 2] },
  { name: 'Power dialer', scopes: ['organization:read', 'members:read'], by: 'admin', createdDaysAgo: 14, lastUsed: [1, 4] },
  { name: 'Monthly reporting export', scopes: ['statistics:read', 'audit:read'], by: 'admin', createdDaysAgo: 3, expiresInDays: 90 },
];

export const apiKeysSection: SeedSection = {
  name: 'api-keys',
  seeded: async (db, demo) => (await db.apiKey.count({ where: { organizationId: demo.organizationId, name: DEMO_KEYS[1]!.name } })) > 0,
  async seed(tx, demo) {
    for (const k of DEMO_KEYS) {
      // A real key (hashed as the app hashes them); its secret is thrown away, as after the one time it is shown.
      const { hash, visiblePrefix } = newSecret('pk', 24);
      const creator = demo.people[k.by] ?? demo.people.owner!;
      const key = await tx.apiKey.create({
        data: {
          organizationId: demo.organizationId,
          name: k.name,
          prefix: visiblePrefix,
          hash,
          scopes: k.scopes,
          createdById: creator.userId,
          createdAt: ago(k.createdDaysAgo, 1),
          lastUsedAt: k.lastUsed ? ago(...k.lastUsed) : null,
          expiresAt: k.expiresInDays ? new Date(Date.now() + k.expiresInDays * 86_400_000) : null,
          revokedAt: k.revokedDaysAgo !== undefined ? ago(k.revokedDaysAgo) : null,
        },
      });
      const actor = { organizationId: demo.organizationId, actorUserId: creator.userId, ip: DEMO_IPS.office };
      await tx.auditEvent.create({ data: { ...actor, type: 'api_key.created', detail: { apiKeyId: key.id, name: k.name, scopes: k.scopes }, createdAt: key.createdAt } });
      if (key.revokedAt) await tx.auditEvent.create({ data: { ...actor, type: 'api_key.revoked', detail: { apiKeyId: key.id, name: k.name }, createdAt: key.revokedAt } });
    }
  },
};
