// What an invite gives, in one place: the team role it names, and the organization role a newcomer joins with.
import type { Role, TeamRole } from '../../generated/prisma/enums';

/** The organization role of someone who joins through an invite with this team role (an existing member keeps theirs). */
export const organizationRoleOfInvite = (teamRole: TeamRole): Role => (teamRole === 'manager' ? 'manager' : 'member');
