// The demo login and its organization, Demo Motors: the one part every other section builds on.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../server/auth/passwords';
import { ago, DEMO_IPS, type Demo, type SeedDb } from './section';

export const DEMO_LOGIN = { email: 'demo@pitchcraft.dev', password: 'pitchcraft-demo' };
const NAME = 'Demo Motors';

/** Finds the demo organization, creating the owner and the organization the first time. */
export async function demoOrganization(db: SeedDb): Promise<Demo> {
  const existing = await db.user.findUnique({ where: { email: DEMO_LOGIN.email }, include: { memberships: { include: { organization: true } } } });
  const membership = existing?.memberships.find((m) => m.organization.name === NAME) ?? existing?.memberships[0];
  if (existing && membership) {
    return { organizationId: membership.organizationId, people: { owner: { userId: existing.id, membershipId: membership.id, name: 'Dana Demo', email: existing.email } } };
  }
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  return db.$transaction(async (tx) => {
    const user = existing ?? (await tx.user.create({ data: { email: DEMO_LOGIN.email, username: 'demo', firstName: 'Dana', lastName: 'Demo', passwordHash, createdAt: ago(45) } }));
    const org = await tx.organization.create({
      data: {
        name: NAME,
        location: 'Austin, TX',
        baseCurrency: 'USD',
        currencies: ['USD', 'CAD', 'MXN'],
        callToken: `ct_${randomBytes(18).toString('base64url')}`,
        createdAt: ago(45),
        memberships: { create: { userId: user.id, role: 'owner', createdAt: ago(45) } },
      },
      include: { memberships: true },
    });
    await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: org.id } });
    await tx.auditEvent.create({ data: { type: 'organization.created', organizationId: org.id, actorUserId: user.id, ip: DEMO_IPS.office, createdAt: ago(45) } });
    return { organizationId: org.id, people: { owner: { userId: user.id, membershipId: org.memberships[0]!.id, name: 'Dana Demo', email: user.email } } };
  });
}
