// Maps a membership with its (optional) dealer row to the dealer's public shape.
import type { Role } from '../../generated/prisma/enums';
import { mediaUrl } from '../identity/user.dto';
import type { DealerDto } from './dealer.schema';

export const dealerMembershipSelect = {
  createdAt: true,
  role: true,
  user: { select: { id: true, firstName: true, lastName: true, email: true, imageId: true } },
  dealer: { select: { presence: true, active: true, phone: true, lastPingAt: true } },
} as const;

type Row = {
  createdAt: Date;
  role: Role;
  user: { id: string; firstName: string; lastName: string; email: string; imageId: string | null };
  dealer: { presence: 'online' | 'offline'; active: boolean; phone: string | null; lastPingAt: Date | null } | null;
};

export function toDealerDto(m: Row): DealerDto {
  return {
    id: m.user.id,
    firstName: m.user.firstName,
    lastName: m.user.lastName,
    email: m.user.email,
    image: mediaUrl(m.user.imageId),
    phone: m.dealer?.phone ?? null,
    role: m.role,
    // A member who never went online has no dealer row yet: an active dealer, offline.
    status: m.dealer?.active === false ? 'inactive' : 'active',
    accountStatus: m.dealer?.presence === 'online' ? 'online' : 'offline',
    lastPingAt: m.dealer?.lastPingAt?.toISOString() ?? null,
    joinedAt: m.createdAt.toISOString(),
  };
}
