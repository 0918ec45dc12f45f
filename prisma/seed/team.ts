// Demo Motors' team: an admin, a sales manager and reps, one promoted along the way and one who has left, so the
// members table, the roles and the security log all have something to show. They sign in with the demo password.
import type { Role } from '../../server/generated/prisma/enums';
import { hashPassword } from '../../server/auth/passwords';
import { DEMO_LOGIN } from './demo-organization';
import { ago, DEMO_IPS, type Demo, type SeedSection } from './section';

type Teammate = { key: string; firstName: string; lastName: string; role: Role; joinedDaysAgo: number; promotedFrom?: { role: Role; daysAgo: number } };

export const TEAM: Teammate[] = [
  { key: 'admin', firstName: 'Priya', lastName: 'Raman', role: 'admin', joinedDaysAgo: 40 },
  { key: 'manager', firstName: 'Marcus', lastName: 'Bell', role: 'manager', joinedDaysAgo: 38, promotedFrom: { role: 'member', daysAgo: 12 } },
  { key: 'rep', firstName: 'Sofía', lastName: 'Hernández', role: 'member', joinedDaysAgo: 30 },
  { key: 'rep2', firstName: 'Jordan', lastName: 'Lee', role: 'member', joinedDaysAgo: 21 },
];
// Someone who was on the team and left: only the security log remembers them.
const FORMER = { firstName: 'Tom', lastName: 'Walsh', role: 'member' as Role, joinedDaysAgo: 35, leftDaysAgo: 9 };

export const emailOf = (t: { firstName: string; lastName: string }) =>
  `${t.firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${t.lastName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@demo-motors.example`;

export const teamSection: SeedSection = {
  name: 'team',
  seeded: async (db, demo) => (await db.membership.count({ where: { organizationId: demo.organizationId, user: { email: emailOf(TEAM[0]!) } } })) > 0,
  async seed(tx, demo: Demo) {
    const passwordHash = await hashPassword(DEMO_LOGIN.password);
    const org = demo.organizationId;
    for (const t of TEAM) {
      const email = emailOf(t);
      const user = await tx.user.upsert({ where: { email }, update: {}, create: { email, firstName: t.firstName, lastName: t.lastName, passwordHash, activeOrganizationId: org, createdAt: ago(t.joinedDaysAgo) } });
      const membership = await tx.membership.create({ data: { userId: user.id, organizationId: org, role: t.role, createdAt: ago(t.joinedDaysAgo) } });
      const name = `${t.firstName} ${t.lastName}`;
      demo.people[t.key] = { userId: user.id, membershipId: membership.id, name, email };
      if (t.promotedFrom) {
        await tx.auditEvent.create({
          data: {
            type: 'member.role_changed',
            organizationId: org,
            actorUserId: demo.people.owner!.userId,
            ip: DEMO_IPS.office,
            detail: { membershipId: membership.id, userId: user.id, name, email, from: t.promotedFrom.role, to: t.role },
            createdAt: ago(t.promotedFrom.daysAgo, 3),
          },
        });
      }
    }
    const email = emailOf(FORMER);
    const former = await tx.user.upsert({ where: { email }, update: {}, create: { email, firstName: FORMER.firstName, lastName: FORMER.lastName, passwordHash, createdAt: ago(FORMER.joinedDaysAgo) } });
    await tx.auditEvent.create({
      data: {
        type: 'member.removed',
        organizationId: org,
        actorUserId: former.id,
        ip: DEMO_IPS.home,
        detail: { userId: former.id, name: `${FORMER.firstName} ${FORMER.lastName}`, email, role: FORMER.role, left: true },
        createdAt: ago(FORMER.leftDaysAgo, 5),
      },
    });
  },
};
