// Demo Motors' outreach: a few hundred contacts in three groups — one of them imported from a CSV file whose two bad
// rows show in its report — sender accounts, and a message library (an SMS text, an email template with a PDF
// attached, a voice recording, a fax document) with the programs that send them.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../server/generated/prisma/client';
import { plainTextOf, sanitizeEmailHtml } from '../../server/domain/library/email-html';
import { makeWav } from '../../server/test/wav';
import { ago, type SeedSection, type SeedTx } from './section';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Mateo', 'Isabella', 'Lucas', 'Mia', 'Levi', 'Amelia', 'Ezra', 'Harper', 'Luca', 'Evelyn', 'Asher', 'Aria', 'James', 'Chloé', 'Jürgen', 'Priyanka', 'Hiroshi', 'Fatima'];
const LAST = ['Garcia', 'Nguyen', 'Patel', 'Johnson', 'Kim', 'Martinez', 'Brown', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Okafor', 'Schmidt', 'Rossi', 'Tanaka', 'Haddad'];
const MODELS = ['Civic', 'Accord', 'CR-V', 'F-150', 'Camry', 'RAV4', 'Model 3', 'Outback'];

/** The i-th demo contact (distinct North American numbers in the 555-01xx fictional range and beyond). */
function person(i: number) {
  const firstName = FIRST[i % FIRST.length]!;
  const lastName = LAST[(i * 7) % LAST.length]!;
  const area = [512, 737, 210, 214][i % 4]!;
  const phone = `+1${area}555${String(1000 + i).padStart(4, '0')}`;
  const email = i % 5 === 3 ? null : `${firstName.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase()}.${lastName.toLowerCase()}${i}@example.com`;
  return { firstName, lastName, phone, email, custom1: MODELS[i % MODELS.length]!, custom2: String(2016 + (i % 9)) };
}

/** A one-page PDF that says `text`, built by hand with a correct cross-reference table. */
export function onePagePdf(text: string): Uint8Array {
  const content = `BT /F1 20 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A file stored as the media store keeps one in PostgreSQL (server/media/pg-backend.ts): ready, private. */
async function storeFile(tx: SeedTx, opts: { organizationId: string; userId: string; kind: string; contentType: string; bytes: Uint8Array }): Promise<string> {
  const chunkSize = 262_144;
  const media = await tx.media.create({
    data: { organizationId: opts.organizationId, createdById: opts.userId, kind: opts.kind, contentType: opts.contentType, size: opts.bytes.length, storage: 'pg', chunkSize, status: 'ready', sha256: createHash('sha256').update(opts.bytes).digest('hex'), completedAt: new Date() },
  });
  for (let index = 0; index * chunkSize < opts.bytes.length; index += 1) {
    await tx.mediaChunk.create({ data: { mediaId: media.id, index, bytes: opts.bytes.slice(index * chunkSize, (index + 1) * chunkSize) } });
  }
  return media.id;
}

const IMPORTED = 'Spring service offer';
const TEMPLATE_HTML = `<h2>Spring service special, {{firstName}}</h2>
<p>Your {{custom1}} is due for its spring check-up. Book this month and the multi-point inspection is on us.</p>
<ul><li>Oil and filter change</li><li>Tyre rotation and pressure check</li><li>Brake inspection</li></ul>
<p><a href="https://demo-motors.example/service">Book a time online</a> or reply to this email.</p>
<p>Demo Motors, Austin</p>`;

export const outreachSection: SeedSection = {
  name: 'outreach',
  seeded: async (db, demo) => (await db.contactGroup.count({ where: { organizationId: demo.organizationId, name: IMPORTED } })) > 0,
  timeoutMs: 60_000,
  async seed(tx, demo) {
    const organizationId = demo.organizationId;
    const owner = demo.people.owner!;
    const manager = demo.people.manager ?? owner;

    // Contacts 0–299; the spring group came from a CSV (0–119 and two bad rows), leases and VIPs were picked by hand.
    const people = Array.from({ length: 300 }, (_, i) => person(i));
    const spring = await tx.contactGroup.create({ data: { organizationId, name: IMPORTED, description: 'Owners due for a spring check-up, from the service system’s export', createdAt: ago(12) } });
    const leases = await tx.contactGroup.create({ data: { organizationId, name: 'Lease renewals 2027', description: 'Leases ending in the next six months', createdAt: ago(20) } });
    const vips = await tx.contactGroup.create({ data: { organizationId, name: 'VIP owners', createdAt: ago(30) } });
    const importId = crypto.randomUUID();
    const rows: Prisma.ContactCreateManyInput[] = people.map((p, i) => ({ organizationId, ...p, importId: i < 120 ? importId : null, createdAt: ago(i < 120 ? 12 : 40 - (i % 30), i % 24) }));
    await tx.contact.createMany({ data: rows });
    const ids = new Map((await tx.contact.findMany({ where: { organizationId }, select: { id: true, phone: true } })).map((c) => [c.phone, c.id]));
    const idOf = (i: number) => ids.get(people[i]!.phone)!;
    const members = [
      ...Array.from({ length: 120 }, (_, i) => ({ groupId: spring.id, contactId: idOf(i) })),
      ...Array.from({ length: 100 }, (_, i) => ({ groupId: leases.id, contactId: idOf(100 + i) })),
      ...Array.from({ length: 80 }, (_, i) => ({ groupId: vips.id, contactId: idOf(i * 3 + 1) })),
    ];
    await tx.contactGroupMember.createMany({ data: members, skipDuplicates: true });

    // The import's record: 122 rows, two of which (lines 42 and 97 of the file) could not be imported.
    const columns = ['First Name', 'Last Name', 'Mobile', 'Email', 'Model', 'Year'];
    await tx.contactImport.create({
      data: {
        id: importId, organizationId, groupId: spring.id, createdById: manager.userId, fileName: 'service-export-spring.csv', status: 'completed',
        columns, mapping: ['firstName', 'lastName', 'phone', 'email', 'custom1', 'custom2'], bytesTotal: 9_184, bytesDone: 9_184,
        recordsDone: 122, imported: 120, updated: 0, skipped: 0, errorCount: 2, createdAt: ago(12), startedAt: ago(12), completedAt: ago(12),
      },
    });
    await tx.contactImportError.createMany({
      data: [
        { importId, line: 42, message: 'Phone “555-01” must be a valid phone number (with its country code, e.g. +44 20 7946 0958, when it is not in the organization’s default country)', values: ['Marcus', 'Reyes', '555-01', 'marcus.reyes@example.com', 'Tacoma', '2019'] },
        { importId, line: 97, message: 'First name is empty; Email “dana@@example” is not an email address', values: ['', 'Whitfield', '(512) 555-0198', 'dana@@example', 'Camry', '2021'] },
      ],
    });

    // Sender accounts.
    const email = await tx.account.create({ data: { organizationId, name: 'Service desk', type: 'email', address: 'service@demo-motors.example', ownerId: manager.userId, createdAt: ago(35) } });
    const phone = await tx.account.create({ data: { organizationId, name: 'Showroom SMS line', type: 'phone', address: '+15125550100', createdAt: ago(35) } });
    await tx.account.create({ data: { organizationId, name: 'Front desk', type: 'extension', address: '204', active: false, createdAt: ago(34) } });
    await tx.accountSetting.createMany({ data: [{ accountId: email.id, name: 'signature', value: 'The Demo Motors service team' }, { accountId: phone.id, name: 'quietHours', value: '21:00-08:00' }] });

    // The message library.
    const text = await tx.smsText.create({ data: { organizationId, name: 'Service reminder', data: 'Hi {{firstName}}, your {{custom1}} is due for service. Reply YES to book or call 512-555-0100. Demo Motors', type: 'plain', description: 'Sent a month before the service date', createdAt: ago(25) } });
    await tx.smsText.create({ data: { organizationId, name: 'Lease ending 🚗', data: 'Hi {{firstName}} 👋 your lease ends soon: come see the new models this weekend!', type: 'unicode', createdAt: ago(18) } });
    const body = sanitizeEmailHtml(TEMPLATE_HTML);
    const pdf = onePagePdf('Demo Motors - Spring service special');
    const attachment = await storeFile(tx, { organizationId, userId: manager.userId, kind: 'pdf', contentType: 'application/pdf', bytes: pdf });
    const template = await tx.emailTemplate.create({ data: { organizationId, name: 'Spring service offer', subject: '{{firstName}}, your spring check-up is on us', body, bodyAlt: plainTextOf(body), bodyAltGenerated: true, attachmentMediaId: attachment, attachmentName: 'spring-service-special.pdf', createdAt: ago(14) } });
    const wav = makeWav({ seconds: 4 });
    const recordingMedia = await storeFile(tx, { organizationId, userId: manager.userId, kind: 'audio', contentType: 'audio/wav', bytes: wav });
    const recording = await tx.voiceRecording.create({ data: { organizationId, name: 'Service reminder call', description: 'Played when a customer answers', mediaId: recordingMedia, size: wav.length, duration: 4, createdAt: ago(10) } });
    const docPdf = onePagePdf('Demo Motors - Lease return checklist');
    const docMedia = await storeFile(tx, { organizationId, userId: manager.userId, kind: 'pdf', contentType: 'application/pdf', bytes: docPdf });
    const document = await tx.faxDocument.create({ data: { organizationId, name: 'Lease return checklist', mediaId: docMedia, size: docPdf.length, createdAt: ago(9) } });

    // Programs that send them, and one handling the SMS line's replies.
    await tx.program.create({ data: { organizationId, type: 'sendsms', name: 'Service reminder SMS', textId: text.id, createdAt: ago(24) } });
    await tx.program.create({ data: { organizationId, type: 'sendemail', name: 'Spring offer email', templateId: template.id, createdAt: ago(13) } });
    await tx.program.create({ data: { organizationId, type: 'voicemessage', name: 'Service reminder call', recordingId: recording.id, createdAt: ago(10) } });
    await tx.program.create({ data: { organizationId, type: 'sendfax', name: 'Lease checklist fax', documentId: document.id, createdAt: ago(9) } });
    await tx.program.create({ data: { organizationId, type: 'voicetts', name: 'Recall notice (spoken)', ttsText: 'Hello, this is Demo Motors with an important safety recall notice for your vehicle. Please call us to book a free repair.', createdAt: ago(6) } });
    const replies = await tx.program.create({ data: { organizationId, type: 'receivesms', name: 'Replies to the SMS line', accountId: phone.id, createdAt: ago(24) } });
    await tx.accountProgram.create({ data: { accountId: phone.id, programId: replies.id } });
  },
};
