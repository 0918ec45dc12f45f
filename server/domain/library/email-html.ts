// HTML made safe to send (sanitize-html: maintained, allow-list based, runs on this Node without an install step)
// and the plain-text alternative drawn from it.
import sanitizeHtml from 'sanitize-html';

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
