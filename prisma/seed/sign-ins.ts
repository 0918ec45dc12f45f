// A month of sign-ins by the team, from the office, home and a phone, so the security log reads like real use.
import { ago, DEMO_IPS, type SeedSection } from './section';

const SIGN_INS: Array<{ who: string; days: number; hours: number; ip: keyof typeof DEMO_IPS }> = [
  { who: 'owner', days: 0, hours: 1, ip: 'office' },
  { who: 'manager', days: 0, hours: 3, ip: 'mobile' },
  { who: 'rep', days: 0, hours: 5, ip: 'office' },
  { who: 'admin', days: 1, hours: 2, ip: 'office' },
  { who: 'rep2', days: 1, hours: 6, ip: 'home' },
  { who: 'owner', days: 2, hours: 4, ip: 'home' },
  { who: 'manager', days: 4, hours: 2, ip: 'office' },
  { who: 'admin', days: 7, hours: 1, ip: 'office' },
  { who: 'rep', days: 8, hours: 3, ip: 'mobile' },
  { who: 'owner', days: 12, hours: 2, ip: 'office' },
];

export const signInsSection: SeedSection = {
  name: 'sign-ins',
  seeded: async (db, demo) => (await db.auditEvent.count({ where: { organizationId: demo.organizationId, type: 'login.succeeded' } })) > 0,
  async seed(tx, demo) {
    for (const s of SIGN_INS) {
      const person = demo.people[s.who];
      if (!person) continue; // the team section did not run in this database
      await tx.auditEvent.create({ data: { type: 'login.succeeded', organizationId: demo.organizationId, actorUserId: person.userId, ip: DEMO_IPS[s.ip], createdAt: ago(s.days, s.hours) } });
    }
  },
};
