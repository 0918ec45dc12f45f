// Maps an organization row to its public shape for a caller with a given role.
import type { Role } from '../../generated/prisma/enums';
import type { OrganizationDto } from './organization.schema';

type OrgRow = { id: string; name: string; location: string | null; image: string | null; baseCurrency: string; currencies: string[]; callToken: string; createdAt: Date; updatedAt: Date };

export function toOrganizationDto(o: OrgRow, role: Role | null, canSeeToken: boolean): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    location: o.location,
    image: o.image,
    baseCurrency: o.baseCurrency,
    currencies: o.currencies,
    role,
    callToken: canSeeToken ? o.callToken : null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
