// What a message's text is made of: merge fields ({{firstName}}, {{custom1}}… — a contact's fields, nothing else) and
// SMS encoding and segments (Twilio's segment calculator). Runs in the browser too: the editors count as you type
// with the very functions the server checks with.
import { SegmentedMessage } from 'sms-segments-calculator';
import type { FieldError } from '../../errors';
import { CONTACT_FIELDS } from '../contacts/contact.schema';

export const MERGE_FIELDS: readonly string[] = CONTACT_FIELDS;
const MERGE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The merge fields a text uses, each once, in order of appearance. */
export function mergeFieldsOf(...texts: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts) for (const m of (text ?? '').matchAll(MERGE)) out.add(m[1]!);
  return [...out];
}

/** A field error per unknown merge field of `text`, on `path`. */
export function unknownMergeFields(path: string, text: string | null | undefined): FieldError[] {
  return mergeFieldsOf(text)
    .filter((f) => !MERGE_FIELDS.includes(f))
    .map((f) => ({ path, message: `{{${f}}} is not a merge field: use one of ${MERGE_FIELDS.map((m) => `{{${m}}}`).join(', ')}` }));
}

export type SmsShape = { encoding: 'GSM-7' | 'UCS-2' | 'binary'; characters: number; segments: number; nonGsm: string[] };

/** Encoding and parts of an SMS; binary data is hexadecimal octets (140 per part, 134 with a concatenation header). */
export function smsShape(data: string, type: 'plain' | 'unicode' | 'binary'): SmsShape {
  if (type === 'binary') {
    const octets = Math.floor(data.replace(/\s+/g, '').length / 2);
    return { encoding: 'binary', characters: octets, segments: octets <= 140 ? 1 : Math.ceil(octets / 134), nonGsm: [] };
  }
  const message = new SegmentedMessage(data, type === 'unicode' ? 'UCS-2' : 'auto');
  return { encoding: message.encodingName, characters: message.numberOfCharacters, segments: message.segmentsCount, nonGsm: message.getNonGsmCharacters() };
}
