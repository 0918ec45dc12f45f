// Demo Motors' deliveries: two gateways (a paused SMTP relay and a paused Twilio account, without secrets — sealing
// needs the app's APP_SECRET — so nothing leaves the machine until an admin enters real ones), a week of transmissions with their attempts —
// delivered, one that failed and was retried, one failed, two waiting to be sent — and replies in the inbox. Then the
// active provider of the demo: the built-in sink, which carries every service and delivers nothing outside (texts,
// calls and faxes kept at /dev/sink, emails in the development mailbox), so a campaign started on the demo delivers.
import { ago, type SeedSection } from './section';

export const DEMO_SINK = 'Built-in sink (demo)';

export const deliverySection: SeedSection = {
  name: 'delivery',
  seeded: async (db, demo) => (await db.provider.count({ where: { organizationId: demo.organizationId } })) > 0,
  async seed(tx, demo) {
    const organizationId = demo.organizationId;
    const manager = demo.people.manager ?? demo.people.owner!;
    const smtp = await tx.provider.create({ data: { organizationId, name: 'Office mail relay', type: 'smtp', serviceFlags: ['email'], host: 'smtp.demo-motors.example', port: 587, username: 'relay', settings: {}, weight: 1, active: false, createdAt: ago(30) } });
    const twilio = await tx.provider.create({ data: { organizationId, name: 'Twilio (demo account)', type: 'twilio', serviceFlags: ['sms', 'voice'], host: 'https://api.twilio.com', username: 'AC00000000000000000000000000000000', settings: { ratePerSecond: 1 }, weight: 1, active: false, createdAt: ago(30) } });
    const sms = await tx.program.findFirst({ where: { organizationId, type: 'sendsms' } });
    const email = await tx.program.findFirst({ where: { organizationId, type: 'sendemail' } });
    const phone = await tx.account.findFirst({ where: { organizationId, type: 'phone' } });
    const contacts = await tx.contact.findMany({ where: { organizationId, email: { not: null } }, orderBy: { phone: 'asc' }, take: 8 });
    if (!sms || !email || contacts.length < 8) return;
    const sid = (i: number) => `SM${String(i).padStart(32, 'd')}`;
    const sent = async (i: number, o: { program: typeof sms; provider: typeof smtp; days: number; outcome: 'completed' | 'failed' | 'retried' }) => {
      const c = contacts[i]!;
      const t = await tx.transmission.create({ data: { organizationId, contactId: c.id, programId: o.program.id, title: o.program.name, status: o.outcome === 'failed' ? 'failed' : 'completed', statusReason: o.outcome === 'failed' ? 'Twilio answered 400: 21211 The \'To\' number is not a valid phone number.' : null, createdById: manager.userId, createdAt: ago(o.days), updatedAt: ago(o.days) } });
      const attempt = (at: Date, ok: boolean, n: number) =>
        tx.spool.create({
          data: {
            organizationId, transmissionId: t.id, providerId: o.provider.id, status: ok ? 'completed' : 'failed', startedAt: at, connectedAt: new Date(at.getTime() + 120), endedAt: new Date(at.getTime() + 340), createdAt: at,
            ...(ok
              ? { providerMessageId: o.provider.type === 'twilio' ? sid(i * 10 + n) : `<demo-${i}-${n}@pitchcraft.mail>`, response: o.provider.type === 'twilio' ? { sid: sid(i * 10 + n), status: 'queued' } : { response: '250 2.0.0 Ok: queued' }, deliveryStatus: o.provider.type === 'twilio' ? 'delivered' : null, deliveredAt: o.provider.type === 'twilio' ? new Date(at.getTime() + 4000) : null }
              : { error: o.outcome === 'retried' ? 'Twilio answered 503: Service Unavailable' : 'Twilio answered 400: 21211 The \'To\' number is not a valid phone number.', response: { httpStatus: o.outcome === 'retried' ? 503 : 400 } }),
          },
        });
      if (o.outcome === 'retried') {
        await attempt(ago(o.days), false, 1);
        await attempt(ago(o.days, -1), true, 2);
      } else await attempt(ago(o.days), o.outcome === 'completed', 1);
    };
    await sent(0, { program: sms, provider: twilio, days: 6, outcome: 'completed' });
    await sent(1, { program: sms, provider: twilio, days: 5, outcome: 'retried' });
    await sent(2, { program: sms, provider: twilio, days: 4, outcome: 'failed' });
    await sent(3, { program: email, provider: smtp, days: 3, outcome: 'completed' });
    await sent(4, { program: email, provider: smtp, days: 2, outcome: 'completed' });
    // Waiting to be sent: sending them is the user's call (they go through the demo's built-in sink).
    await tx.transmission.create({ data: { organizationId, contactId: contacts[5]!.id, programId: sms.id, title: 'Service reminder', createdById: manager.userId, createdAt: ago(0, 2) } });
    await tx.transmission.create({ data: { organizationId, contactId: contacts[6]!.id, programId: email.id, title: 'Spring offer (draft)', createdById: manager.userId, createdAt: ago(0, 1) } });
    for (const [i, text, hours] of [[0, 'YES please, Tuesday morning works', 140], [1, 'Can I bring it in on Saturday?', 100], [7, 'Stop', 30]] as const) {
      const c = contacts[i]!;
      await tx.transmission.create({ data: { organizationId, direction: 'inbound', status: 'completed', contactId: c.id, accountId: phone?.id ?? null, providerId: twilio.id, remoteAddress: c.phone, localAddress: phone?.address ?? null, body: text, createdAt: ago(0, hours), updatedAt: ago(0, hours) } });
    }
  },
};

/** Its own section, so a demo database seeded before the sink existed gets it on its next start. */
export const demoSinkSection: SeedSection = {
  name: 'demo sink',
  seeded: async (db, demo) => (await db.provider.count({ where: { organizationId: demo.organizationId, type: 'sink' } })) > 0,
  async seed(tx, demo) {
    await tx.provider.create({ data: { organizationId: demo.organizationId, name: DEMO_SINK, type: 'sink', serviceFlags: ['sms', 'email', 'voice', 'fax'], host: '', settings: {}, weight: 1, active: true, createdAt: ago(20) } });
  },
};
