// What a transmission sends, read in one query: the account is the transmission's own or else the first active one
// of the program's type (never one of another type, never an inactive one), merge fields are filled, and every
// reason a message cannot be made is said in words.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { newTenant, type Tenant } from '../../test/factories';
import { composeMessage } from './compose-message';

let t: Tenant;
const compose = (id: string) => composeMessage(db as never, id);

beforeAll(async () => {
  t = await newTenant('compose');
});

describe('composeMessage', () => {
  it('picks the account, fills merge fields and says why a message cannot be made', async () => {
    const organizationId = t.organizationId;
    const contact = await db.contact.create({ data: { organizationId, firstName: 'Grace', lastName: 'Hopper', phone: '+12025550111', custom2: 'Navy' } });
    const text = await db.smsText.create({ data: { organizationId, name: 'T', data: 'Hi {{firstName}} of the {{custom2}} {{unknown}}' } });
    const sms = await db.program.create({ data: { organizationId, name: 'S', type: 'sendsms', textId: text.id } });
    const tpl = await db.emailTemplate.create({ data: { organizationId, name: 'E', subject: 'For {{lastName}}', body: '<p>x</p>', bodyAlt: 'x' } });
    const email = await db.program.create({ data: { organizationId, name: 'E', type: 'sendemail', templateId: tpl.id } });
    const tts = await db.program.create({ data: { organizationId, name: 'V', type: 'voicetts', ttsText: 'Hello {{firstName}}' } });
    const tx = (programId: string, accountId?: string) => db.transmission.create({ data: { organizationId, contactId: contact.id, programId, accountId: accountId ?? null } });

    // No phone account yet: said so (an email account does not count for an SMS).
    await db.account.create({ data: { organizationId, name: 'Mail', type: 'email', address: 'mail@example.test' } });
    expect(await compose((await tx(sms.id)).id)).toEqual({ ok: false, reason: expect.stringMatching(/No active phone account/) });
    // The first active phone account, skipping an inactive older one.
    await db.account.create({ data: { organizationId, name: 'Old', type: 'phone', address: '+12025550100', active: false, createdAt: new Date(Date.now() - 60_000) } });
    const line = await db.account.create({ data: { organizationId, name: 'Line', type: 'phone', address: '+12025550122' } });
    expect(await compose((await tx(sms.id)).id)).toEqual({ ok: true, message: { service: 'sms', to: '+12025550111', from: line.address, text: 'Hi Grace of the Navy {{unknown}}' } });
    // The transmission's own account wins, and an inactive one is refused by name.
    const own = await db.account.create({ data: { organizationId, name: 'Own', type: 'phone', address: '+12025550133', active: false } });
    expect(await compose((await tx(sms.id, own.id)).id)).toEqual({ ok: false, reason: 'The sender account “Own” is inactive' });
    // Speech is filled too; an email to a contact without an address is refused.
    expect(await compose((await tx(tts.id)).id)).toMatchObject({ ok: true, message: { service: 'voice', say: 'Hello Grace' } });
    expect(await compose((await tx(email.id)).id)).toEqual({ ok: false, reason: 'The contact has no email address' });
    await db.contact.update({ where: { id: contact.id }, data: { email: 'grace@example.test' } });
    expect(await compose((await tx(email.id)).id)).toMatchObject({ ok: true, message: { service: 'email', to: 'grace@example.test', from: '"Mail" <mail@example.test>', subject: 'For Hopper', attachments: [] } });
    // A receive program sends nothing; a voice message without audio says so; a deleted contact too.
    const receive = await db.program.create({ data: { organizationId, name: 'R', type: 'receivesms', accountId: line.id } });
    expect(await compose((await tx(receive.id)).id)).toEqual({ ok: false, reason: 'A receivesms program sends nothing' });
    const rec = await db.voiceRecording.create({ data: { organizationId, name: 'No audio' } });
    const voice = await db.program.create({ data: { organizationId, name: 'VM', type: 'voicemessage', recordingId: rec.id } });
    expect(await compose((await tx(voice.id)).id)).toEqual({ ok: false, reason: 'Its recording has no audio' });
    const orphan = await tx(sms.id);
    await db.transmission.update({ where: { id: orphan.id }, data: { contactId: null } });
    expect(await compose(orphan.id)).toEqual({ ok: false, reason: 'Its contact was deleted' });
  });
});
