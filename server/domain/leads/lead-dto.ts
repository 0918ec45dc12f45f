// Maps lead rows to their public shape.
import { vehicleOf } from '../calls/call-dto';
import type { CallStatus } from '../calls/call.schema';
import type { LeadDto } from './lead.schema';

export const leadSelect = {
  id: true,
  callId: true,
  vin: true,
  vehicle: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  comment: true,
  dealerId: true,
  createdAt: true,
  call: { select: { status: true, dealer: { select: { id: true, firstName: true, lastName: true } } } },
} as const;

export type LeadRow = {
  id: string;
  callId: string | null;
  vin: string;
  vehicle: unknown;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  comment: string | null;
  createdAt: Date;
  call: { status: CallStatus; dealer: { id: string; firstName: string; lastName: string } | null } | null;
};

export function toLeadDto(l: LeadRow): LeadDto {
  return {
    id: l.id,
    callId: l.callId,
    callStatus: l.call?.status ?? null,
    vin: l.vin,
    vehicle: vehicleOf(l.vehicle),
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email,
    phone: l.phone,
    comment: l.comment,
    dealer: l.call?.dealer ?? null,
    createdAt: l.createdAt.toISOString(),
  };
}
