// Missed calls follow up by themselves: when a live call is missed (nobody answered in time) or expires (the dealer's
// connection was lost), its customer joins the group of the organization's follow-up campaign (a continuous campaign,
// Organization.followUpCampaignId) and gets that campaign's transmission at once, which the running campaign sends at
// its pace. The customer is matched to the organization's contacts as the CSV import matches rows — by phone (E.164,
// read in the organization's default country), else by email — and created when neither is known. All of it happens in
// the transaction that ends the call, so a call is never missed without its follow-up, nor followed up twice.
import type { Tx } from '../../db';
import { toE164 } from '../shared/phone';
import { lockContacts } from '../contacts/contact-rules';

export type FollowUp = { transmissionId: string; campaignId: string } | null;

export async function queueFollowUp(tx: Tx, callId: string): Promise<FollowUp> {
  const call = await tx.call.findUniqueOrThrow({
    where: { id: callId },
    select: { organizationId: true, customerFirstName: true, customerLastName: true, customerPhone: true, customerEmail: true, followUpTransmissionId: true, organization: { select: { defaultCountry: true, followUpCampaign: { select: { id: true, groupId: true, programId: true, accountId: true, continuous: true, status: true } } } } },
  });
  const campaign = call.organization.followUpCampaign;
  if (!campaign || !campaign.continuous || call.followUpTransmissionId) return null;
  if (campaign.status === 'completed' || campaign.status === 'cancelled') return null;
  const phone = call.customerPhone ? toE164(call.customerPhone, call.organization.defaultCountry) : null;
  const email = call.customerEmail?.trim().toLowerCase() || null;
  if (!phone && !email) return null;

  await lockContacts(tx, call.organizationId);
  const byPhone = phone ? await tx.contact.findFirst({ where: { organizationId: call.organizationId, phone }, select: { id: true } }) : null;
  const byEmail = !byPhone && email ? await tx.contact.findFirst({ where: { organizationId: call.organizationId, email }, select: { id: true } }) : null;
  let contactId = byPhone?.id ?? byEmail?.id;
  if (!contactId) {
    // A contact needs a phone; a customer who left only an email address that no contact has cannot be followed up.
    if (!phone) return null;
    const emailTaken = email ? await tx.contact.count({ where: { organizationId: call.organizationId, email } }) : 0;
    contactId = (await tx.contact.create({ data: { organizationId: call.organizationId, firstName: call.customerFirstName?.trim() || 'Caller', lastName: call.customerLastName?.trim() || null, phone, email: emailTaken ? null : email, description: 'Added by a missed live call (follow-up campaign)' }, select: { id: true } })).id;
  }
  await tx.contactGroupMember.createMany({ data: [{ groupId: campaign.groupId, contactId }], skipDuplicates: true });
  // Its transmission now (not at the dispatcher's next look), so the call can point to it; one per contact and campaign.
  await tx.$executeRaw`
    INSERT INTO "Transmission" (id, "organizationId", "contactId", "programId", "accountId", "campaignId", direction, status, "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${call.organizationId}::uuid, ${contactId}::uuid, ${campaign.programId}::uuid, ${campaign.accountId}::uuid, ${campaign.id}::uuid, 'outbound', 'pending', now(), now())
    ON CONFLICT ("campaignId", "contactId") DO NOTHING`;
  const t = await tx.transmission.findFirstOrThrow({ where: { campaignId: campaign.id, contactId }, select: { id: true } });
  await tx.call.update({ where: { id: callId }, data: { followUpTransmissionId: t.id } });
  return { transmissionId: t.id, campaignId: campaign.id };
}
