// Demo Motors' custom roles and a direct grant, so the roles matrix and the users page show what they are for: a
// "Senior rep" who reads every call and lead besides practising (Jordan Lee holds it), a "Trainer" nobody holds yet,
// and Sofía's direct grant to read leads — each with its line in the security log.
import { ROLE_PERMISSIONS, type Permission } from '../../server/auth/permissions';
import { ago, DEMO_IPS, type SeedSection } from './section';

const SENIOR_REP: Permission[] = [...ROLE_PERMISSIONS.member, 'calls:read', 'leads:read'];
const TRAINER: Permission[] = [...ROLE_PERMISSIONS.member, 'products:manage', 'teams:create'];

export const rolesSection: SeedSection = {
  name: 'roles',
  seeded: async (db, demo) => (await db.customRole.count({ where: { organizationId: demo.organizationId } })) > 0,
  async seed(tx, demo) {
    const org = demo.organizationId;
    const owner = demo.people.owner!;
    const senior = await tx.customRole.create({
      data: { organizationId: org, name: 'Senior rep', description: 'Practises and takes calls, and reads every call and lead to follow up', permissions: SENIOR_REP, createdAt: ago(8), updatedAt: ago(8) },
    });
    const trainer = await tx.customRole.create({
      data: { organizationId: org, name: 'Trainer', description: 'Builds products and training modules, and starts teams', permissions: TRAINER, createdAt: ago(6), updatedAt: ago(6) },
    });
    const log = (type: string, detail: Record<string, unknown>, at: Date) =>
      tx.auditEvent.create({ data: { type, organizationId: org, actorUserId: owner.userId, ip: DEMO_IPS.office, detail: detail as object, createdAt: at } });
    for (const r of [senior, trainer]) await log('role.created', { roleId: r.id, name: r.name, to: { name: r.name, description: r.description, permissions: r.permissions } }, r.createdAt);

    const jordan = demo.people.rep2;
    if (jordan) {
      await tx.membership.update({ where: { id: jordan.membershipId }, data: { role: 'member', customRoleId: senior.id } });
      await log('member.role_changed', { membershipId: jordan.membershipId, userId: jordan.userId, name: jordan.name, email: jordan.email, from: 'member', to: senior.name, fromRoleId: 'member', toRoleId: senior.id }, ago(7, 2));
    }
    const sofia = demo.people.rep;
    if (sofia) {
      await tx.membership.update({ where: { id: sofia.membershipId }, data: { permissions: ['leads:read'] } });
      await log('member.permission_granted', { membershipId: sofia.membershipId, userId: sofia.userId, name: sofia.name, email: sofia.email, permission: 'leads:read', from: [], to: ['leads:read'] }, ago(5, 4));
    }
  },
};
