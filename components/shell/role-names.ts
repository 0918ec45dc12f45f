// The roles as people read them, wherever a role is shown.
import type { MemberDto } from '@/server/domain/organizations/organization.schema';

export const ROLE_NAMES: Record<MemberDto['role'], string> = { owner: 'Owner', admin: 'Admin', manager: 'Manager', member: 'Member' };
