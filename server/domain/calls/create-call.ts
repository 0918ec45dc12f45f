// A customer at a vehicle asks for a live call (POST /calls): checked against the organization's public call token,
// the VIN decoded and validated, and the call stored with a token only its customer holds.
import type { Prisma } from '../../generated/prisma/client';
import { newSecret } from '../../auth/secrets';
import { db } from '../../db';
import { callTimings } from '../../env';
import { enqueue } from '../../jobs/enqueue';
import { publishCallRequested } from './call-events-realtime';
import { AppError } from '../../errors';
import { requireValidVin } from '../vehicles/decode-vin';
import { vehicleOf } from './call-dto';
import { createCallInput, type CreatedCallDto } from './call.schema';
import { recordCallEvent } from './record-call-event';

const badToken = () =>
  new AppError('unauthenticated', { message: 'Unknown organization: send its call token as X-Organization-Token (or organizationCode)' });

/** The organization behind a public call token; 401 for anything else. */
export async function organizationForCallToken(token: string | null | undefined) {
  const value = token?.trim();
  if (!value || value.length > 100) throw badToken();
  const org = await db.organization.findUnique({ where: { callToken: value }, select: { id: true, name: true } });
  if (!org) throw badToken();
  return org;
}

export async function createCall(opts: { organizationToken: string | null; input: unknown }): Promise<CreatedCallDto & { organizationId: string }> {
  // Who the call is for is settled before anything about it is looked at: a wrong token is 401 whatever the body.
  const raw = opts.input as { organizationCode?: unknown } | null;
  const code = opts.organizationToken ?? (typeof raw?.organizationCode === 'string' ? raw.organizationCode : null);
  const org = await organizationForCallToken(code);
  const input = createCallInput.parse(opts.input);
  const decoded = await requireValidVin(input.vin);
  const { secret, hash } = newSecret('cl', 24);
  const upper = (v: string | null) => v?.toUpperCase() ?? null;
  const call = await db.$transaction(async (tx) => {
    const created = await tx.call.create({
      data: {
        organizationId: org.id,
        tokenHash: hash,
        vin: decoded.vin,
        carMake: upper(decoded.make),
        carModel: upper(decoded.model),
        carType: upper(decoded.carType),
        modelYear: decoded.modelYear,
        vehicle: decoded as unknown as Prisma.InputJsonObject,
        customerFirstName: input.customer?.firstName ?? null,
        customerLastName: input.customer?.lastName ?? null,
        customerPhone: input.customer?.phone ?? null,
        customerEmail: input.customer?.email ?? null,
      },
      select: { id: true, status: true, createdAt: true },
    });
    await recordCallEvent(tx, { callId: created.id, organizationId: org.id, type: 'requested', actor: 'customer', actorId: null, at: created.createdAt });
    // Missed unless a dealer accepts in time: the job exists iff the call does.
    await enqueue(tx, 'call.miss', { callId: created.id }, { startAfter: new Date(created.createdAt.getTime() + callTimings().missedAfterSeconds * 1000) });
    await publishCallRequested(tx, { id: created.id, organizationId: org.id });
    return created;
  });
  return { id: call.id, status: call.status, callToken: secret, vehicle: vehicleOf(decoded), organizationId: org.id };
}
