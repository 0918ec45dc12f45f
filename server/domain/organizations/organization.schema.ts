// Shapes of organizations and memberships.
import { z } from 'zod';
import '../shared/zod-messages';
import { currencyCode } from '../shared/currency';
import { isPhoneCountry } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';
import { roleEnum } from '../identity/user.schema';
import { PERMISSIONS } from '../../auth/permissions';

const name = singleLineText({ max: 120, required: 'Enter the organization’s name' });
const location = singleLineText({ max: 200 });
// SECURITY: only web addresses; a javascript: or data: URL must never reach an <img> or a link.
export const logoUrl = z
  .url({ protocol: /^https?$/, message: 'Enter a web address starting with https://' })
  .max(2000, 'Use a shorter web address (at most 2000 characters)');
// Sent to customers after a call: only web links, never javascript: or data: URLs.
const loanLinkUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http or https URL, e.g. https://example.com/apply' })
  .max(2000, 'Use a shorter web address (at most 2000 characters)')
  .meta({ description: 'Where "send loan link" points a customer after a call', example: 'https://example.com/finance/apply' });

// Where phone numbers written without + are read (contacts, imports): a country libphonenumber has numbers for.
const defaultCountry = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code (ISO 3166), e.g. US, GB, DE')
  .transform((v) => v.toUpperCase())
  .refine((v) => isPhoneCountry(v), { message: 'No phone numbers are known for this country code' })
  .meta({ description: 'ISO 3166 alpha-2 country for phone numbers written without +', example: 'US' });

const currencies = z
  .array(currencyCode)
  .max(50, 'Choose at most 50 currencies')
  .refine((list) => new Set(list).size === list.length, { message: 'Each currency can be chosen once' });

const organizationFields = {
  name,
  location: location.nullable().optional(),
  image: logoUrl.nullable().optional(),
  baseCurrency: currencyCode,
  currencies: currencies.default([]),
  loanLinkUrl: loanLinkUrl.nullable().optional(),
  defaultCountry: defaultCountry.optional(),
};

export const createOrganizationInput = z.object(organizationFields).strict().meta({ id: 'CreateOrganizationInput' });
/** PUT replaces every field; PATCH changes the named ones. */
export const replaceOrganizationInput = createOrganizationInput;
export const updateOrganizationInput = z
  .object({
    name: name.optional(),
    location: location.nullable().optional(),
    image: logoUrl.nullable().optional(),
    baseCurrency: currencyCode.optional(),
    currencies: currencies.optional(),
    loanLinkUrl: loanLinkUrl.nullable().optional(),
    defaultCountry: defaultCountry.optional(),
    followUpCampaignId: z
      .uuid('must be a campaign id')
      .nullable()
      .optional()
      .meta({ description: 'A continuous campaign of this organization that follows up missed and expired live calls (null: none)' }),
  })
  .strict()
  .meta({ id: 'UpdateOrganizationInput' });

export const organizationDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    location: z.string().nullable(),
    image: z.string().nullable().meta({ description: 'URL of the logo: an uploaded picture (/media/{id}) or the web address that was set' }),
    baseCurrency: z.string(),
    currencies: z.array(z.string()).meta({ description: 'Accepted currencies; always includes the base currency' }),
    role: roleEnum.nullable().meta({ description: "The caller's built-in role (null for an API key); `member` underneath a custom role" }),
    customRole: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: "The caller's custom role, when they hold one (it decides their permissions)" }),
    callToken: z.string().nullable().meta({ description: 'Public token for POST /calls (the customer call page /call/{token} and its QR code); shown to owners, admins and everyone who takes calls' }),
    loanLinkUrl: z.string().nullable(),
    followUpCampaignId: z.uuid().nullable().meta({ description: 'The continuous campaign that follows up missed and expired live calls' }),
    defaultCountry: z.string().meta({ description: 'ISO 3166 alpha-2: phone numbers written without + are read in this country' }),
    permissions: z.array(z.enum(PERMISSIONS)).meta({ description: 'What the caller may do here (role grants, or the API key scopes)' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Organization' });

export const memberDto = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    image: z.string().nullable().meta({ description: 'URL of the profile photo' }),
    role: roleEnum.meta({ description: '`member` underneath a custom role' }),
    customRole: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });

/** `role` is a role id: a built-in role's name or a custom role's UUID. */
export const changeMemberRoleInput = z.object({ membershipId: z.uuid(), role: z.string().min(1).max(60) }).strict();
/** Removes someone from the organization; with one's own membership id it is leaving. */
export const removeMemberInput = z.object({ membershipId: z.uuid() }).strict();

export type OrganizationDto = z.infer<typeof organizationDto>;
export type MemberDto = z.infer<typeof memberDto>;
