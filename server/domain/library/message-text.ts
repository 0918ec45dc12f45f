// What a message's text is made of: merge fields ({{firstName}}, {{custom1}}… — a contact's fields, nothing else),
// SMS encoding and segments (Twilio's segment calculator, the same the editor runs as you type), and HTML made safe
// to send (sanitize-html) with a plain-text alternative drawn from it.
import sanitizeHtml from 'sanitize-html';
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

// What an email may hold: formatting, links (http, https, mailto), images by web address, tables; never scripts, styles
// that run, forms, frames or event handlers.
const SAFE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'font', 'center'],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    '*': ['style', 'align', 'valign', 'width', 'height', 'bgcolor', 'color', 'colspan', 'rowspan', 'cellpadding', 'cellspacing', 'border'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid'] },
  allowProtocolRelative: false,
  // Inline styles only with plain values (no url(), no expression()).
  allowedStyles: { '*': { '*': [/^[^()]*$/] } },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** SECURITY: the only way HTML enters a template; what is stored is what a reader gets. */
export const sanitizeEmailHtml = (html: string) => sanitizeHtml(html, SAFE_HTML).trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The plain-text alternative of an HTML body: block ends become line breaks, links keep their address. */
export function plainTextOf(html: string): string {
  const marked = html
    .replace(/<a\s[^>]*href="(https?:[^"]+|mailto:[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, text: string) => `${text} (${href.replace(/^mailto:/, '')})`)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }).replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? m);
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
