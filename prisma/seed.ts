// Demo data for `npm start`: one owner and one organization, created once (re-running changes nothing).
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../server/generated/prisma/client';
import { hashPassword } from '../server/auth/passwords';
import { seedLiveCalls } from './seed-live-calls';

export const DEMO_LOGIN = { email: 'demo@pitchcraft.dev', password: 'pitchcraft-demo' };

export async function seed(url: string): Promise<{ email: string; password: string }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const existing = await db.user.findUnique({ where: { email: DEMO_LOGIN.email }, select: { id: true } });
    if (existing) return DEMO_LOGIN;
    const passwordHash = await hashPassword(DEMO_LOGIN.password);
    const created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: DEMO_LOGIN.email, username: 'demo', firstName: 'Dana', lastName: 'Demo', passwordHash },
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
      return { organizationId: org.id, ownerId: user.id };
    });

    // ── Live calls and leads (issue 10): dealers (same demo password), calls in every state, chats, notes, leads ──
    await seedLiveCalls(db, { ...created, passwordHash });
    // ── end of live calls ──
    return DEMO_LOGIN;
  } finally {
    await db.$disconnect();
  }
}
