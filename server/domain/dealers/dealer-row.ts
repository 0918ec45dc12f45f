// A member's dealer row in an organization, created on first use and locked for the transaction that changes it.
import type { Tx } from '../../db';
import { notFound } from '../../errors';

export type DealerRow = { id: string; organizationId: string; userId: string; presence: 'online' | 'offline'; active: boolean; lastPingAt: Date | null; pingCheckAt: Date | null };

/**
 * Makes sure the member has a dealer row, then locks it (FOR UPDATE) so concurrent presence changes, pings and
 * accepts by the same dealer run one after the other.
 */
export async function lockDealer(tx: Tx, organizationId: string, userId: string): Promise<DealerRow> {
  await tx.$executeRaw`
    INSERT INTO "Dealer" (id, "organizationId", "userId", "membershipId", "updatedAt")
    SELECT gen_random_uuid(), m."organizationId", m."userId", m.id, now() FROM "Membership" m
    WHERE m."organizationId" = ${organizationId}::uuid AND m."userId" = ${userId}::uuid
    ON CONFLICT ("organizationId", "userId") DO NOTHING`;
  const rows = await tx.$queryRaw<DealerRow[]>`
    SELECT id, "organizationId", "userId", presence::text AS presence, active, "lastPingAt", "pingCheckAt" FROM "Dealer"
    WHERE "organizationId" = ${organizationId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
  if (!rows[0]) throw notFound('Member');
  return rows[0];
}
