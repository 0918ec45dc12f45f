// Maps call rows to their public shapes, for staff and (narrower) for the customer holding the call token.
import type { VinDecode } from '../vehicles/vin.schema';
import type { CallDetailDto, CallDto, CallEventDto, CallStatus } from './call.schema';

/** What every call read selects: the row, its dealer's name and whether a lead was left. */
export const callSelect = {
  id: true,
  status: true,
  vin: true,
  vehicle: true,
  customerFirstName: true,
  customerLastName: true,
  customerPhone: true,
  customerEmail: true,
  note: true,
  noteUpdatedAt: true,
  createdAt: true,
  acceptedAt: true,
  endedAt: true,
  recordingSince: true,
  dealer: { select: { id: true, firstName: true, lastName: true } },
  lead: { select: { id: true } },
  followUpTransmission: { select: { id: true, campaignId: true, status: true } },
} as const;

export type CallRow = {
  id: string;
  status: CallStatus;
  vin: string;
  vehicle: unknown;
  customerFirstName: string | null;
  customerLastName: string | null;
  customerPhone: string | null;
  customerEmail: string | null;
  note: string | null;
  noteUpdatedAt: Date | null;
  createdAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
  recordingSince: Date | null;
  dealer: { id: string; firstName: string; lastName: string } | null;
  lead: { id: string } | null;
  /** Read with a call's detail (lists leave it out). */
  followUpTransmission?: { id: string; campaignId: string | null; status: string } | null;
};

export type Audience = 'staff' | 'customer';

export function vehicleOf(decoded: unknown): CallDto['vehicle'] {
  const v = (decoded ?? {}) as Partial<VinDecode>;
  return {
    make: v.make ?? null,
    model: v.model ?? null,
    modelYear: v.modelYear ?? null,
    type: v.carType ?? null,
    manufacturer: v.manufacturer ?? null,
    country: v.country ?? null,
    trim: v.trim ?? null,
  };
}

export function toCallDto(c: CallRow, audience: Audience = 'staff'): CallDto {
  const staff = audience === 'staff';
  return {
    id: c.id,
    status: c.status,
    vin: c.vin,
    vehicle: vehicleOf(c.vehicle),
    customer: { firstName: c.customerFirstName, lastName: c.customerLastName, phone: c.customerPhone, email: c.customerEmail },
    dealer: c.dealer,
    // SECURITY: the dealer's note is about the customer, for the organization only.
    note: staff ? c.note : null,
    noteUpdatedAt: staff ? (c.noteUpdatedAt?.toISOString() ?? null) : null,
    requestedAt: c.createdAt.toISOString(),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    durationSeconds: c.acceptedAt && c.endedAt ? Math.round((c.endedAt.getTime() - c.acceptedAt.getTime()) / 1000) : null,
    leadId: c.lead?.id ?? null,
    // Both sides see it: the customer is told on screen while the dealer records.
    recording: c.status === 'active' && c.recordingSince !== null,
  };
}

// The customer sees how their call went, not the organization's notes or internal log lines.
const CUSTOMER_EVENT_TYPES = new Set(['requested', 'accepted', 'completed', 'missed', 'expired', 'cancelled', 'recording.started', 'recording.stopped']);

export function toCallDetailDto(c: CallRow, events: CallEventDto[], audience: Audience, session: CallDetailDto['session'] = null): CallDetailDto {
  return {
    ...toCallDto(c, audience),
    events: audience === 'staff' ? events : events.filter((e) => CUSTOMER_EVENT_TYPES.has(e.type)),
    // SECURITY: the dealer's coaching session is theirs and their managers'; never the customer's.
    session: audience === 'staff' ? session : null,
    // SECURITY: who the organization contacts and how is its own business.
    followUp: audience === 'staff' && c.followUpTransmission ? { transmissionId: c.followUpTransmission.id, campaignId: c.followUpTransmission.campaignId, status: c.followUpTransmission.status } : null,
  };
}
