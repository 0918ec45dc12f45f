// One record of an imported file → the contact row it stands for, or why it cannot be one. The same limits as a
// contact sent over REST (contact.schema.ts), checked without a schema object per row: a million rows pass here.
import { z } from 'zod';
import { MULTI_LINE_CONTROL } from '../../shared/multi-line-text';
import { PHONE_HINT, toE164 } from '../../shared/phone';
import { SINGLE_LINE_CONTROL } from '../../shared/single-line-text';
import { CONTACT_FIELDS, CONTACT_LIMITS, type ContactField } from '../contact.schema';
import { FIELD_LABELS, type ColumnMapping } from './column-mapping';

/** The contact's fields in CONTACT_FIELDS order, null where empty. */
export type StagedContact = Array<string | null>;
export type RecordVerdict = { kind: 'row'; row: StagedContact } | { kind: 'blank' } | { kind: 'error'; message: string };

const MAX: Record<ContactField, number> = {
  firstName: CONTACT_LIMITS.name,
  lastName: CONTACT_LIMITS.name,
  phone: CONTACT_LIMITS.phone,
  email: CONTACT_LIMITS.email,
  address: CONTACT_LIMITS.address,
  custom1: CONTACT_LIMITS.custom,
  custom2: CONTACT_LIMITS.custom,
  custom3: CONTACT_LIMITS.custom,
  description: CONTACT_LIMITS.description,
};
const EMAIL = z.regexes.email;
const FORMULA_START = /[=+\-@]/;
const INDEX = Object.fromEntries(CONTACT_FIELDS.map((f, i) => [f, i])) as Record<ContactField, number>;

/** A reader of records for one file: its mapping and the organization's default country. */
export function contactRecordReader(mapping: ColumnMapping, country: string) {
  const columns = mapping.map((field, column) => ({ field, column })).filter((c): c is { field: ContactField; column: number } => c.field !== null);
  return (cells: string[]): RecordVerdict => {
    if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };
    const row: StagedContact = new Array(CONTACT_FIELDS.length).fill(null);
    const problems: string[] = [];
    for (const { field, column } of columns) {
      let value = (cells[column] ?? '').trim();
      // A cell our export (or a spreadsheet) kept from running as a formula: the quote is not part of the value.
      if (value.length > 1 && value[0] === "'" && FORMULA_START.test(value[1]!)) value = value.slice(1);
      if (value === '') continue;
      const label = FIELD_LABELS[field];
      if (value.includes('\uFFFD')) problems.push(`${label} holds bytes that are not text in this file’s encoding (save the file as UTF-8)`);
      else if (value.length > MAX[field]) problems.push(`${label} is longer than ${MAX[field]} characters`);
      else if ((field === 'description' ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value)) problems.push(`${label} holds line breaks or control characters`);
      else row[INDEX[field]] = value;
    }
    if (problems.length === 0) {
      if (row[INDEX.firstName] === null) problems.push('First name is empty');
      const phone = row[INDEX.phone];
      if (phone === null) problems.push('Phone is empty');
      else {
        const e164 = toE164(phone, country);
        if (e164) row[INDEX.phone] = e164;
        else problems.push(`Phone “${phone}” ${PHONE_HINT}`);
      }
      const email = row[INDEX.email];
      if (email !== null && !EMAIL.test(email)) problems.push(`Email “${email}” is not an email address`);
    }
    if (cells.length > mapping.length && cells.slice(mapping.length).some((c) => c.trim() !== '')) problems.push(`The line has ${cells.length} values but the header names ${mapping.length} columns`);
    return problems.length > 0 ? { kind: 'error', message: problems.join('; ') } : { kind: 'row', row };
  };
}
