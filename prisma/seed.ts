// Demo data for `npm start`: Demo Motors, its owner (the demo login), its team, API keys, a month of security log,
// two months of live calls and leads, custom roles, outreach and its campaigns, so the product shows itself on first start. Each part is a section (prisma/seed/*.ts) that runs once per database;
// to add demo data for another area, write a section and append it to SECTIONS (after those it builds on).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../server/generated/prisma/client';
import { apiKeysSection } from './seed/api-keys';
import { DEMO_LOGIN, demoOrganization } from './seed/demo-organization';
import { liveCallsSection } from './seed/live-calls';
import { rolesSection } from './seed/roles';
import type { Demo, SeedDb, SeedSection } from './seed/section';
import { signInsSection } from './seed/sign-ins';
import { coachingSection } from './seed/coaching';
import { outreachSection } from './seed/outreach';
import { deliverySection, demoSinkSection } from './seed/delivery';
import { campaignsSection } from './seed/campaigns';
import { conversationsSection } from './seed/conversations';
import { emailOf, TEAM, teamSection } from './seed/team';

export { DEMO_LOGIN } from './seed/demo-organization';

export const SECTIONS: SeedSection<unknown>[] = [teamSection, apiKeysSection, signInsSection, coachingSection, liveCallsSection, outreachSection, rolesSection, deliverySection, demoSinkSection, campaignsSection, conversationsSection];

/** The teammates already in the database, so a section running later can find them by key. */
async function knownPeople(db: SeedDb, demo: Demo) {
  for (const t of TEAM) {
    if (demo.people[t.key]) continue;
    const m = await db.membership.findFirst({ where: { organizationId: demo.organizationId, user: { email: emailOf(t) } }, include: { user: true } });
    if (m) demo.people[t.key] = { userId: m.userId, membershipId: m.id, name: `${m.user.firstName} ${m.user.lastName}`, email: m.user.email };
  }
}

export async function seed(url: string): Promise<{ email: string; password: string }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const demo = await demoOrganization(db);
    for (const section of SECTIONS) {
      await knownPeople(db, demo);
      if (await section.seeded(db, demo)) continue;
      const prepared: unknown = await section.prepare?.({ databaseUrl: url });
      try {
        await db.$transaction((tx) => section.seed(tx, demo, prepared), { timeout: section.timeoutMs ?? 30_000 });
      } finally {
        await section.release?.(prepared);
      }
    }
    return DEMO_LOGIN;
  } finally {
    await db.$disconnect();
  }
}
