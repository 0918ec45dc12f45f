// Maps an organization row to its public shape for a caller with a given role.
import type { Permission } from '../../auth/permissions';
import type { Role } from '../../generated/prisma/enums';
import type { OrganizationDto } from './organization.schema';

type OrgRow = { id: string; name: string; location: string | null; image: string | null; baseCurrency: string; currencies: string[]; callToken: string; loanLinkUrl: string | null; createdAt: Date; updatedAt: Date };

export function toOrganizationDto(o: OrgRow, role: Role | null, permissions: ReadonlySet<Permission>): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    location: o.location,
    image: o.image,
    baseCurrency: o.baseCurrency,
    currencies: o.currencies,
    role,
    // The call token is only for those who configure the organization.
    callToken: permissions.has('organization:update') ? o.callToken : null,
    loanLinkUrl: o.loanLinkUrl,
    permissions: [...permissions].sort(),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
