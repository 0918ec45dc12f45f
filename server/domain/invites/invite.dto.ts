// Maps an invite row to its public shape: never its token (that only travels in the emailed link).
import type { InvitedDto } from '../teams/team.schema';

type InviteRow = { id: string; email: string; teamId: string; teamName: string; role: 'member' | 'manager'; expiresAt: Date; createdAt: Date };

export function toInvitedDto(i: InviteRow, now: Date): InvitedDto {
  return {
    id: i.id,
    email: i.email,
    teamId: i.teamId,
    teamName: i.teamName,
    role: i.role,
    status: i.expiresAt <= now ? 'expired' : 'pending',
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  };
}
