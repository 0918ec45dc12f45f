// A customer leaves a lead (POST /leads): with their call's token for that call, or with the organization's public
// call token for a vehicle they did not call about (never for a call: see below).
import type { Prisma } from '../../generated/prisma/client';
import { sameDigest, sha256 } from '../../auth/secrets';
import { db } from '../../db';
import { AppError, conflict, notFound, validationFailed } from '../../errors';
import { organizationForCallToken } from '../calls/create-call';
import { requireValidVin } from '../vehicles/decode-vin';
import type { VinDecode } from '../vehicles/vin.schema';
import { leadSelect, toLeadDto } from './lead-dto';
import { createLeadInput, type LeadDto } from './lead.schema';

export async function createLead(opts: { callToken: string | null; organizationToken: string | null; input: unknown }): Promise<LeadDto> {
  const raw = opts.input as { organizationCode?: unknown } | null;
  const orgCode = opts.organizationToken ?? (typeof raw?.organizationCode === 'string' ? raw.organizationCode : null);
  if (!opts.callToken && !orgCode) {
    throw new AppError('unauthenticated', { message: 'Send the call token (X-Call-Token) or the organization call token (X-Organization-Token)' });
  }
  // Credentials first, as for calls: a wrong token is 401 whatever the body says.
  let call: { id: string; organizationId: string; vin: string; vehicle: Prisma.JsonValue; dealerId: string | null; tokenHash: string } | null = null;
  let organizationId: string;
  if (opts.callToken) {
    const hash = sha256(opts.callToken.trim());
    call = await db.call.findUnique({ where: { tokenHash: hash }, select: { id: true, organizationId: true, vin: true, vehicle: true, dealerId: true, tokenHash: true } });
    if (!call || !sameDigest(call.tokenHash, hash)) throw new AppError('unauthenticated', { message: 'Unknown call token' });
    organizationId = call.organizationId;
  } else {
    organizationId = (await organizationForCallToken(orgCode)).id;
  }
  const input = createLeadInput.parse(opts.input);

  if (call) {
    // SECURITY: a call token speaks for its own call only; another call's id reads as not found.
    if (input.callId && input.callId !== call.id) throw notFound('Call');
  } else if (input.callId) {
    // SECURITY: the organization's token is public (printed on the call page's QR code): it cannot speak for a call.
    // A call's lead is left with that call's own token, or not at all — answered as not found before any lookup, so
    // the answer is the same for this organization's calls, another's, and ids that do not exist.
    throw new AppError('not_found', { message: 'Call not found for this token: a lead about a call is left with that call\'s own token (X-Call-Token); with the organization token, name the vehicle (vin) instead' });
  }
  if (!call && !input.vin) throw validationFailed('vin', 'give the vehicle (vin) or the call (callId) this lead is about');
  const decoded: VinDecode = call ? (call.vehicle as unknown as VinDecode) : await requireValidVin(input.vin!);
  if (call && input.vin && (await requireValidVin(input.vin)).vin !== call.vin) throw validationFailed('vin', 'is not the vehicle of this call');

  const upper = (v: string | null | undefined) => v?.toUpperCase() ?? null;
  try {
    const lead = await db.lead.create({
      data: {
        organizationId,
        callId: call?.id ?? null,
        vin: call?.vin ?? decoded.vin,
        carMake: upper(decoded.make),
        carModel: upper(decoded.model),
        carType: upper(decoded.carType),
        modelYear: decoded.modelYear ?? null,
        vehicle: decoded as unknown as Prisma.InputJsonObject,
        firstName: input.firstName,
        lastName: input.lastName ?? '',
        email: input.email ?? null,
        phone: input.phone ?? null,
        comment: input.comment ?? null,
        dealerId: call?.dealerId ?? null,
      },
      select: leadSelect,
    });
    return toLeadDto(lead);
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') throw conflict('A lead was already left for this call; the dealer has it');
    throw e;
  }
}
