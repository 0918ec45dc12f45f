// Maps an organization row to its public shape for a caller with a given role.
import type { Permission } from '../../auth/permissions';
import type { Role } from '../../generated/prisma/enums';
import type { OrganizationDto } from './organization.schema';

import { mediaUrl } from '../identity/user.dto';

export type OrgRow = { id: string; name: string; location: string | null; image: string | null; imageId: string | null; baseCurrency: string; currencies: string[]; callToken: string; loanLinkUrl: string | null; followUpCampaignId: string | null; defaultCountry: string; createdAt: Date; updatedAt: Date };

// SECURITY: a logo saved before only web addresses were accepted (a javascript: URL, say) is never handed out.
const webUrl = (v: string | null) => (v && /^https?:\/\//i.test(v) ? v : null);

export function toOrganizationDto(o: OrgRow, role: Role | null, permissions: ReadonlySet<Permission>, customRole: { id: string; name: string } | null = null): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    location: o.location,
    // An uploaded logo wins over a web address.
    image: mediaUrl(o.imageId) ?? webUrl(o.image),
    baseCurrency: o.baseCurrency,
    currencies: o.currencies,
    role,
    customRole: customRole && { id: customRole.id, name: customRole.name },
    // The call token is only for those who configure the organization.
    // The call page's token is printed on QR codes for customers: everyone who takes calls may hand it out.
    callToken: permissions.has('organization:update') || permissions.has('calls:answer') ? o.callToken : null,
    loanLinkUrl: o.loanLinkUrl,
    followUpCampaignId: o.followUpCampaignId,
    defaultCountry: o.defaultCountry,
    permissions: [...permissions].sort(),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
