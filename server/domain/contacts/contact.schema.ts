// Shapes of contacts and contact groups: inputs for create/replace/update, list filters and the DTOs.
import { z } from 'zod';
import '../shared/zod-messages';
import { multiLineText } from '../shared/multi-line-text';
import { singleLineText } from '../shared/single-line-text';

/** The fields of a contact, in the order of the sample CSV (and of an export). */
export const CONTACT_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'address', 'custom1', 'custom2', 'custom3', 'description'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACT_LIMITS = { name: 100, phone: 40, email: 254, address: 500, custom: 500, description: 2000 } as const;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

export const contactEmail = z.email('must be an email address, like name@company.com').max(CONTACT_LIMITS.email);

const fields = {
  firstName: singleLineText({ max: CONTACT_LIMITS.name, required: 'Enter a first name' }),
  lastName: optionalText(singleLineText({ max: CONTACT_LIMITS.name })),
  // Normalized to E.164 by the domain, which knows the organization's default country.
  phone: z.string().trim().min(1, 'Enter a phone number').max(CONTACT_LIMITS.phone).meta({ description: 'Any common formatting; without + it is read in the organization’s defaultCountry. Stored and returned in E.164.', example: '+1 512 555 0142' }),
  email: optionalText(contactEmail),
  address: optionalText(singleLineText({ max: CONTACT_LIMITS.address })),
  custom1: optionalText(singleLineText({ max: CONTACT_LIMITS.custom })),
  custom2: optionalText(singleLineText({ max: CONTACT_LIMITS.custom })),
  custom3: optionalText(singleLineText({ max: CONTACT_LIMITS.custom })),
  description: optionalText(multiLineText({ max: CONTACT_LIMITS.description })),
};

export const createContactInput = z.object(fields).strict().meta({ id: 'CreateContactInput' });
/** PUT: every field; those left out become empty. */
export const replaceContactInput = createContactInput.meta({ id: 'ReplaceContactInput' });
export const updateContactInput = z
  .object({ ...fields, firstName: fields.firstName.optional(), phone: fields.phone.optional() })
  .strict()
  .meta({ id: 'UpdateContactInput' });

export const contactDto = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string().nullable(),
    phone: z.string().meta({ description: 'E.164' }),
    email: z.string().nullable(),
    address: z.string().nullable(),
    custom1: z.string().nullable(),
    custom2: z.string().nullable(),
    custom3: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });

export const contactDetailDto = contactDto
  .extend({ groups: z.array(z.object({ id: z.uuid(), name: z.string() })).meta({ description: 'The groups it belongs to, by name' }) })
  .meta({ id: 'ContactDetail' });

export const CONTACT_ORDERING = ['firstName', 'lastName', 'phone', 'email', 'createdAt', 'updatedAt'] as const;
export type ContactOrderingField = (typeof CONTACT_ORDERING)[number];

export const contactFilters = z
  .object({
    search: z.string().trim().max(200, 'Use at most 200 characters').optional().meta({ description: 'Part of the name, phone number (digits) or email address' }),
    groupId: z.uuid('must be a group id').optional().meta({ description: 'Only members of this group' }),
  })
  .strict();
export type ContactFilters = z.input<typeof contactFilters>;

const groupFields = {
  name: singleLineText({ max: 120, required: 'Enter the group’s name' }),
  description: optionalText(multiLineText({ max: 1000 })),
};
export const createGroupInput = z.object(groupFields).strict().meta({ id: 'CreateGroupInput' });
export const replaceGroupInput = createGroupInput.meta({ id: 'ReplaceGroupInput' });
export const updateGroupInput = z.object({ name: groupFields.name.optional(), description: groupFields.description }).strict().meta({ id: 'UpdateGroupInput' });

export const groupDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    contactCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ContactGroup' });

export const GROUP_ORDERING = ['name', 'createdAt', 'updatedAt'] as const;
export type GroupOrderingField = (typeof GROUP_ORDERING)[number];

/** The browser's bulk actions on selected rows. */
export const contactIdsInput = z.array(z.uuid('must be a contact id')).min(1, 'Choose at least one contact').max(500, 'Choose at most 500 contacts at a time');

export type ContactDto = z.infer<typeof contactDto>;
export type ContactDetailDto = z.infer<typeof contactDetailDto>;
export type GroupDto = z.infer<typeof groupDto>;
