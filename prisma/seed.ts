// Demo data for `npm start`: an owner and an organization, then a coaching team with a manager, reps, products and a
// few weeks of scored practice (prisma/seed-coaching.ts). Each part is created once; re-running changes nothing.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../server/generated/prisma/client';
import { hashPassword } from '../server/auth/passwords';
import { DEMO_REPS, seedCoaching } from './seed-coaching';

export const DEMO_LOGIN = { email: 'demo@pitchcraft.dev', password: 'pitchcraft-demo' };

export async function seed(url: string): Promise<{ email: string; password: string }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const existing = await db.user.findUnique({ where: { email: DEMO_LOGIN.email }, select: { id: true } });
    if (!existing) await seedOrganization(db);
    await seedDemoCoaching(db);
    return DEMO_LOGIN;
  } finally {
    await db.$disconnect();
  }
}

async function seedOrganization(db: PrismaClient) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: DEMO_LOGIN.email, username: 'demo', firstName: 'Dana', lastName: 'Demo', passwordHash: await hashPassword(DEMO_LOGIN.password) },
    });
    const org = await tx.organization.create({
      data: {
        name: 'Demo Motors',
        location: 'Austin, TX',
        baseCurrency: 'USD',
        currencies: ['USD', 'CAD', 'MXN'],
        callToken: `ct_${randomBytes(18).toString('base64url')}`,
        memberships: { create: { userId: user.id, role: 'owner' } },
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: org.id } });
  });
}

/** The demo manager and reps sign in with the demo password too (manager@…, riley@… and so on). */
async function seedDemoCoaching(db: PrismaClient) {
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email }, select: { id: true } });
  // The demo organization is the first the demo owner made (they may have switched to another since).
  const organizationId = (await db.membership.findFirst({ where: { userId: owner.id, role: 'owner' }, orderBy: { createdAt: 'asc' }, select: { organizationId: true } }))?.organizationId;
  if (!organizationId || (await db.team.findFirst({ where: { organizationId }, select: { id: true } }))) return;
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  // Hashing is slow on purpose: once, before the transaction, for every demo person.
  await db.$transaction(
    async (tx) => {
      const person = async (email: string, firstName: string, lastName: string, role: 'manager' | 'member') => {
        const user = await tx.user.upsert({ where: { email }, create: { email, firstName, lastName, passwordHash, activeOrganizationId: organizationId }, update: {} });
        await tx.membership.upsert({ where: { userId_organizationId: { userId: user.id, organizationId } }, create: { userId: user.id, organizationId, role }, update: {} });
        return user;
      };
      const manager = await person('manager@pitchcraft.dev', 'Morgan', 'Reyes', 'manager');
      const reps = [];
      for (const r of DEMO_REPS) reps.push(await person(`${r.firstName.toLowerCase()}@pitchcraft.dev`, r.firstName, r.lastName, 'member'));
      await seedCoaching(tx, { organizationId, ownerId: owner.id, managerId: manager.id, people: reps });
    },
    { timeout: 60_000 },
  );
}
