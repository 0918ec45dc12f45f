// After a call, the dealer sends the organization's loan link to the customer: by email through the platform's mail
// service (a job delivers it); SMS answers a clear 409 until an SMS provider exists.
import type { Ctx } from '../../context';
import { db } from '../../db';
import { AppError, conflict, forbidden } from '../../errors';
import { sendMail } from '../../mail/send-mail';
import { partyActor, resolveCallParty } from './call-access';
import { vehicleOf } from './call-dto';
import { loanLinkInput } from './call.schema';
import { recordCallEvent } from './record-call-event';

export async function sendLoanLink(opts: { ctx: Ctx; id: string; input: unknown }): Promise<{ channel: 'email'; to: string }> {
  return db.$transaction(async (tx) => {
    const party = await resolveCallParty({ ctx: opts.ctx, callId: opts.id }, tx);
    if (party.kind !== 'staff') throw new AppError('not_found', { message: 'Call not found' });
    const input = loanLinkInput.parse(opts.input);
    if (!party.isDealer && !party.canReadAll) throw forbidden('Only the dealer on this call or a manager can send the loan link');
    if (input.channel === 'sms') throw conflict('Text messages cannot be sent yet: no SMS provider is configured. Send the link by email.');
    const call = await tx.call.findUniqueOrThrow({ where: { id: party.callId }, select: { customerEmail: true, customerFirstName: true, vehicle: true, dealer: { select: { firstName: true, lastName: true } }, organization: { select: { name: true, loanLinkUrl: true } } } });
    if (!call.organization.loanLinkUrl) throw conflict('This organization has no loan link yet: an admin sets it in Organization settings');
    if (!call.customerEmail) throw conflict('The customer left no email address on this call');
    const v = vehicleOf(call.vehicle);
    await sendMail(tx, {
      organizationId: party.organizationId,
      to: call.customerEmail,
      template: 'loan-link',
      data: {
        firstName: call.customerFirstName,
        organizationName: call.organization.name,
        dealerName: call.dealer ? `${call.dealer.firstName} ${call.dealer.lastName}`.trim() : null,
        vehicle: [v.modelYear, v.make, v.model].filter(Boolean).join(' ') || 'vehicle',
        url: call.organization.loanLinkUrl,
      },
    });
    await recordCallEvent(tx, { callId: party.callId, organizationId: party.organizationId, type: 'loan_link.sent', ...partyActor(party), detail: { channel: 'email' } });
    return { channel: 'email' as const, to: call.customerEmail };
  });
}
