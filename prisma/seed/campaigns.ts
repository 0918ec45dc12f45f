// Demo Motors' campaigns: the spring offer emailed to the imported group last week (completed: its report holds every
// transmission with its attempts — a few retried, two bounced for good, the contacts without an email address invalid —
// and its chart shows the sends per minute at its pace of 30), the lease-renewal SMS scheduled for three days from now
// (its campaigns.fire job queued, as the API would), and the missed-call follow-up: a continuous SMS campaign running
// over its own group, which has already reached three customers. What was delivered went through the demo's built-in
// sink (keepInSink, as its adapter does): the spring emails are in the development mailbox, the follow-up texts at
// /dev/sink. The office relay, active back then beside it, greylisted a few of the spring emails and bounced two.
import escapeHtml from 'escape-html';
import type { PgBoss } from 'pg-boss';
import { keepInSink } from '../../server/domain/providers/sink-messages';
import { fillMergeFields } from '../../server/domain/transmissions/compose-message';
import { openJobClient } from '../../server/jobs/boss';
import { sendJob } from '../../server/jobs/enqueue';
import { ago, type SeedSection, type SeedTx } from './section';

type Prepared = { jobs: PgBoss };

export const FOLLOW_UP_CAMPAIGN = 'Missed-call follow-up';

export const campaignsSection: SeedSection<Prepared> = {
  name: 'campaigns',
  seeded: async (db, demo) => (await db.campaign.count({ where: { organizationId: demo.organizationId } })) > 0,
  timeoutMs: 60_000,
  // The scheduled campaign's firing is a pg-boss job: a client on the seeded database (it installs pg-boss's schema if
  // the app never ran there).
  prepare: async ({ databaseUrl }) => ({ jobs: await openJobClient(databaseUrl) }),
  seed: (tx, demo, { jobs }) => seedCampaigns(tx, demo.organizationId, (demo.people.manager ?? demo.people.owner)?.userId ?? null, jobs),
  release: ({ jobs }) => jobs.stop({ graceful: false, close: true }),
};

async function seedCampaigns(tx: SeedTx, organizationId: string, managerId: string | null, jobs: PgBoss) {
  const [spring, leases] = await Promise.all([
    tx.contactGroup.findFirst({ where: { organizationId, name: 'Spring service offer' } }),
    tx.contactGroup.findFirst({ where: { organizationId, name: 'Lease renewals 2027' } }),
  ]);
  const [emailProgram, smsProgram, text] = await Promise.all([
    tx.program.findFirst({ where: { organizationId, type: 'sendemail' } }),
    tx.program.findFirst({ where: { organizationId, type: 'sendsms' } }),
    tx.smsText.findFirst({ where: { organizationId }, orderBy: { createdAt: 'asc' } }),
  ]);
  const [smtp, sink] = await Promise.all([tx.provider.findFirst({ where: { organizationId, type: 'smtp' } }), tx.provider.findFirst({ where: { organizationId, type: 'sink' } })]);
  const [emailAccount, phoneAccount] = await Promise.all([tx.account.findFirst({ where: { organizationId, type: 'email' } }), tx.account.findFirst({ where: { organizationId, type: 'phone' } })]);
  const template = emailProgram?.templateId ? await tx.emailTemplate.findUnique({ where: { id: emailProgram.templateId } }) : null;
  // The outreach and delivery sections did not run in this database: nothing to build campaigns from.
  if (!spring || !leases || !emailProgram || !smsProgram || !text || !smtp || !sink || !template || !emailAccount || !phoneAccount) return;
  const attachment = template.attachmentMediaId ? await tx.media.findUnique({ where: { id: template.attachmentMediaId }, select: { contentType: true, size: true } }) : null;
  // The email as the delivery would compose it (compose-message.ts), kept by the sink at the time it was sent.
  const from = emailAccount.name && emailAccount.name !== emailAccount.address ? `"${emailAccount.name.replace(/["\\]/g, '')}" <${emailAccount.address}>` : emailAccount.address;
  const mailed = async (spoolId: string, contact: Record<string, unknown> & { email: string | null }, at: Date) => {
    const kept = await keepInSink(tx, {
      providerId: sink.id,
      spoolId,
      service: 'email',
      from,
      to: contact.email!,
      subject: fillMergeFields(template.subject, contact),
      html: fillMergeFields(template.body, contact, escapeHtml),
      text: fillMergeFields(template.bodyAlt, contact),
      attachments: attachment ? [{ filename: template.attachmentName ?? 'attachment', contentType: attachment.contentType, size: attachment.size }] : [],
      at,
    });
    await tx.spool.update({ where: { id: spoolId }, data: { providerMessageId: kept!.id, response: { kept: kept!.id, readAt: `/dev/mail/${kept!.emailMessageId}` } } });
  };

  // 1. The spring offer: 120 members at 30 a minute, one every two seconds, eleven days ago.
  const startedAt = ago(11, 3);
  const members = await tx.contactGroupMember.findMany({ where: { groupId: spring.id }, include: { contact: true }, orderBy: [{ createdAt: 'asc' }, { contactId: 'asc' }] });
  const finished = await tx.campaign.create({
    data: { organizationId, name: 'Spring offer — March', programId: emailProgram.id, groupId: spring.id, accountId: emailAccount.id, cpm: 30, tryAllowed: 2, status: 'running', startedAt, createdById: managerId, createdAt: ago(11, 4) },
  });
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  let slot = 0;
  const retries: { transmissionId: string; bounced: boolean; contact: (typeof members)[number]['contact'] }[] = [];
  // Counted among the contacts with an address, so how many are retried does not hang on where the ones without fall.
  let withAddress = 0;
  for (const m of members) {
    const t = await tx.transmission.create({ data: { organizationId, contactId: m.contactId, programId: emailProgram.id, accountId: emailAccount.id, campaignId: finished.id, title: emailProgram.name, status: 'pending', createdById: managerId, createdAt: startedAt } });
    const sentAt = at(slot++ * 2);
    const spool = { organizationId, transmissionId: t.id, providerId: sink.id, startedAt: sentAt, connectedAt: new Date(sentAt.getTime() + 90), endedAt: new Date(sentAt.getTime() + 260), createdAt: sentAt };
    if (!m.contact.email) {
      await tx.spool.create({ data: { ...spool, providerId: null, connectedAt: null, status: 'failed', error: 'The contact has no email address' } });
      await tx.transmission.update({ where: { id: t.id }, data: { status: 'invalid', statusReason: 'The contact has no email address', updatedAt: sentAt } });
      continue;
    }
    const i = withAddress++;
    if (i % 23 === 7) {
      // Greylisted or bounced: a second try later (the bounced ones fail again).
      await tx.spool.create({ data: { ...spool, providerId: smtp.id, status: 'failed', error: 'SMTP 451 4.7.1 Greylisted, please try again later', response: { code: 451 } } });
      retries.push({ transmissionId: t.id, bounced: i % 46 === 7, contact: m.contact });
      await tx.transmission.update({ where: { id: t.id }, data: { status: 'failed', updatedAt: sentAt } });
      continue;
    }
    const s = await tx.spool.create({ data: { ...spool, status: 'completed' } });
    await mailed(s.id, m.contact, sentAt);
    await tx.transmission.update({ where: { id: t.id }, data: { status: 'completed', updatedAt: sentAt } });
  }
  for (const r of retries) {
    const sentAt = at(slot++ * 2 + 60);
    // The bounced ones went to the relay again; the others' second try went through the sink.
    const spool = { organizationId, transmissionId: r.transmissionId, providerId: r.bounced ? smtp.id : sink.id, startedAt: sentAt, connectedAt: new Date(sentAt.getTime() + 90), endedAt: new Date(sentAt.getTime() + 260), createdAt: sentAt };
    if (r.bounced) {
      await tx.spool.create({ data: { ...spool, status: 'failed', error: 'SMTP 550 5.1.1 The email account that you tried to reach does not exist', response: { code: 550 } } });
      await tx.transmission.update({ where: { id: r.transmissionId }, data: { status: 'failed', statusReason: 'SMTP 550 5.1.1 The email account that you tried to reach does not exist', updatedAt: sentAt } });
    } else {
      const s = await tx.spool.create({ data: { ...spool, status: 'completed' } });
      await mailed(s.id, r.contact, sentAt);
      await tx.transmission.update({ where: { id: r.transmissionId }, data: { status: 'completed', updatedAt: sentAt } });
    }
  }
  await tx.campaign.update({ where: { id: finished.id }, data: { status: 'completed', completedAt: at(slot * 2 + 61) } });

  // 2. Lease renewals by SMS, to start by itself in three days at 09:00 UTC.
  const startAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 3, 9));
  const scheduled = await tx.campaign.create({
    data: { organizationId, name: 'Lease renewal reminders', programId: smsProgram.id, groupId: leases.id, accountId: phoneAccount.id, cpm: 20, tryAllowed: 3, status: 'scheduled', createdById: managerId, createdAt: ago(1, 5) },
  });
  const schedule = await tx.campaignSchedule.create({ data: { organizationId, campaignId: scheduled.id, action: 'start', at: startAt, nextAt: startAt, createdAt: ago(1, 5) } });
  await sendJob(jobs, tx, 'campaigns.fire', { scheduleId: schedule.id, organizationId }, { startAfter: startAt });

  // 3. The missed-call follow-up: continuous, running, its group filled as calls go unanswered.
  const sorry = await tx.smsText.create({ data: { organizationId, name: 'Sorry we missed you', data: 'Hi {{firstName}}, sorry we missed your call to Demo Motors. Reply with a good time and we will call you back, or book at demo-motors.example/call.', type: 'plain', createdAt: ago(15) } });
  const followUpProgram = await tx.program.create({ data: { organizationId, type: 'sendsms', name: 'Missed-call follow-up SMS', textId: sorry.id, createdAt: ago(15) } });
  const group = await tx.contactGroup.create({ data: { organizationId, name: 'Missed calls', description: 'Customers whose live call nobody answered: the follow-up campaign texts them', createdAt: ago(15) } });
  const followUp = await tx.campaign.create({
    data: { organizationId, name: FOLLOW_UP_CAMPAIGN, programId: followUpProgram.id, groupId: group.id, accountId: phoneAccount.id, cpm: 10, tryAllowed: 3, continuous: true, status: 'running', startedAt: ago(14), createdById: managerId, createdAt: ago(15) },
  });
  // Wired to the live calls: a missed or expired call's customer joins its group (organization settings show it).
  await tx.organization.update({ where: { id: organizationId }, data: { followUpCampaignId: followUp.id } });
  const customers = await tx.contact.findMany({ where: { organizationId }, orderBy: { phone: 'desc' }, take: 3 });
  for (const [i, c] of customers.entries()) {
    const joined = ago(9 - i * 3, 6 + i);
    await tx.contactGroupMember.create({ data: { groupId: group.id, contactId: c.id, createdAt: joined } });
    const sentAt = new Date(joined.getTime() + 4000);
    const t = await tx.transmission.create({ data: { organizationId, contactId: c.id, programId: followUpProgram.id, accountId: phoneAccount.id, campaignId: followUp.id, title: followUpProgram.name, status: 'completed', createdAt: joined, updatedAt: sentAt } });
    const s = await tx.spool.create({ data: { organizationId, transmissionId: t.id, providerId: sink.id, status: 'completed', startedAt: sentAt, connectedAt: new Date(sentAt.getTime() + 150), endedAt: new Date(sentAt.getTime() + 420), createdAt: sentAt } });
    const kept = await keepInSink(tx, { providerId: sink.id, spoolId: s.id, service: 'sms', from: phoneAccount.address, to: c.phone, text: fillMergeFields(sorry.data, c), at: new Date(sentAt.getTime() + 150) });
    await tx.spool.update({ where: { id: s.id }, data: { providerMessageId: kept!.id, response: { kept: kept!.id, readAt: '/dev/sink' } } });
  }
}
