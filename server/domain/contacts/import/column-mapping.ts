// Which contact field each column of an imported file fills: headers read case- and punctuation-insensitively
// ("First Name", "first_name", "firstname" are one), common synonyms understood, and a person's choice (the mapping
// step of the browser, `columns` over REST) checked: every field at most once, first name and phone present.
import { AppError, type FieldError } from '../../../errors';
import { CONTACT_FIELDS, type ContactField } from '../contact.schema';

export type ColumnMapping = Array<ContactField | null>;

/** Headers as a person would name each field, beside the field's own name. */
const SYNONYMS: Record<ContactField, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'forename', 'name'],
  lastName: ['lastname', 'last', 'surname', 'familyname'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilenumber', 'cell', 'cellphone', 'telephone', 'tel', 'number', 'msisdn'],
  email: ['email', 'emailaddress', 'mail', 'e-mail'],
  address: ['address', 'streetaddress', 'postaladdress'],
  custom1: ['custom1'],
  custom2: ['custom2'],
  custom3: ['custom3'],
  description: ['description', 'notes', 'note', 'comment', 'comments'],
};

export const FIELD_LABELS: Record<ContactField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  custom1: 'Custom 1',
  custom2: 'Custom 2',
  custom3: 'Custom 3',
  description: 'Description',
};

const key = (header: string) => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_KEY = new Map<string, ContactField>();
for (const field of CONTACT_FIELDS) for (const name of [field, ...SYNONYMS[field]]) BY_KEY.set(key(name), field);

/** The field a header names, or null. */
export const fieldOfHeader = (header: string): ContactField | null => BY_KEY.get(key(header)) ?? null;

/** Each column's field by its header; a header naming a field already taken by an earlier column maps to nothing. */
export function autoMapping(headers: string[]): ColumnMapping {
  const used = new Set<ContactField>();
  return headers.map((h) => {
    const field = fieldOfHeader(h);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

const fieldList = CONTACT_FIELDS.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ');

/**
 * The mapping to import with: the one given (one entry per column, null or '' to leave a column out), or the headers'
 * own. 422 for a header no field answers to (when none is given), a field named twice, or first name or phone missing.
 */
export function resolveMapping(headers: string[], given: ReadonlyArray<string | null> | undefined): ColumnMapping {
  const errors: FieldError[] = [];
  let mapping: ColumnMapping;
  if (given) {
    if (given.length !== headers.length) {
      throw new AppError('validation_failed', {
        message: `The file has ${headers.length} columns but the mapping names ${given.length}: give one field (or nothing) per column`,
        errors: [{ path: 'columns', message: `must have ${headers.length} entries, one per column` }],
      });
    }
    const seen = new Map<ContactField, number>();
    mapping = given.map((g, i) => {
      if (g === null || g === '') return null;
      const field = (CONTACT_FIELDS as readonly string[]).includes(g) ? (g as ContactField) : null;
      if (!field) {
        errors.push({ path: `columns.${i}`, message: `“${g}” is not a contact field: use one of ${CONTACT_FIELDS.join(', ')}, or nothing to leave the column out` });
        return null;
      }
      if (seen.has(field)) errors.push({ path: `columns.${i}`, message: `${FIELD_LABELS[field]} is already filled by column ${seen.get(field)! + 1}` });
      seen.set(field, i);
      return field;
    });
  } else {
    mapping = autoMapping(headers);
    headers.forEach((h, i) => {
      if (mapping[i]) return;
      if (h.trim() === '') errors.push({ path: `columns.${i}`, message: `Column ${i + 1} has no header: name it after a contact field (${fieldList}), or leave it out with the columns parameter` });
      else if (fieldOfHeader(h)) errors.push({ path: `columns.${i}`, message: `“${h}” fills ${FIELD_LABELS[fieldOfHeader(h)!].toLowerCase()}, which an earlier column already fills` });
      else errors.push({ path: `columns.${i}`, message: `Unknown column “${h}”: name it after a contact field (${fieldList}), or leave it out with the columns parameter` });
    });
  }
  for (const required of ['firstName', 'phone'] as const) {
    if (!mapping.includes(required)) errors.push({ path: 'columns', message: `No column fills ${FIELD_LABELS[required].toLowerCase()}, which every contact needs` });
  }
  if (errors.length > 0) throw new AppError('validation_failed', { message: errors.map((e) => e.message).join('; '), errors });
  return mapping;
}
