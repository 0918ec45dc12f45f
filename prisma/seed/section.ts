// What every part of the demo data looks like: a named section that knows whether its data is already there and
// writes it in one transaction. Sections run in order, each at most once per database, so a section added later
// (coaching, live calls) fills in on the next `npm start` of a database seeded before it existed.
import type { PrismaClient } from '../../server/generated/prisma/client';

export type SeedDb = PrismaClient;
export type SeedTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The demo organization and the people in it, by key (`owner`, and the teammates of team.ts), for later sections. */
export type Demo = { organizationId: string; people: Record<string, { userId: string; membershipId: string; name: string; email: string }> };

export type SeedSection<Prepared = undefined> = {
  name: string;
  /** True when this section's data is already in the database (checked outside the section's transaction). */
  seeded(db: SeedDb, demo: Demo): Promise<boolean>;
  /**
   * Slow work done before the transaction opens so it cannot time out (decoding, say), or a resource the seed needs
   * (a job client on the database being seeded: `databaseUrl`).
   */
  prepare?(setup: { databaseUrl: string }): Promise<Prepared>;
  seed(tx: SeedTx, demo: Demo, prepared: Prepared): Promise<void>;
  /** Frees what prepare() opened, whether the transaction committed or not. */
  release?(prepared: Prepared): Promise<void>;
  /** How long its transaction may run (default 30 s). */
  timeoutMs?: number;
};

/** A moment in the past, so the demo reads like an organization that has been in use for a while. */
export const ago = (days: number, hours = 0, minutes = 0) => new Date(Date.now() - ((days * 24 + hours) * 60 + minutes) * 60_000);

/** Documentation-range addresses (RFC 5737), so the demo log never names a real host. */
export const DEMO_IPS = { office: '203.0.113.24', home: '198.51.100.7', mobile: '192.0.2.181', unknown: '203.0.113.250' } as const;
