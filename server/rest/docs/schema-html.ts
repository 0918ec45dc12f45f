// Renders OpenAPI (JSON Schema) shapes as HTML for the API reference: a type in words ("string or null", "array of
// Scope") and an object's fields as a list with their types, whether required, constraints and descriptions.
// Named schemas link to their entry in the reference instead of being repeated.

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const refName = (ref: string) => ref.split('/').pop()!;
export const schemaAnchor = (name: string) => `schema-${name}`;
const code = (v: unknown) => `<code>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</code>`;

/** The schema's type in a few words, with named schemas as links. */
export function typeLabel(s: Schema): string {
  if (s.$ref) {
    const name = refName(s.$ref);
    return `<a href="#${schemaAnchor(name)}">${escapeHtml(name)}</a>`;
  }
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    const nullable = union.some((u) => u.type === 'null');
    const rest = union.filter((u) => u.type !== 'null').map(typeLabel);
    return `${rest.join(' or ')}${nullable ? ' or null' : ''}`;
  }
  if (s.allOf?.length === 1) return typeLabel(s.allOf[0]!);
  if (s.enum) return `one of ${s.enum.map(code).join(', ')}`;
  if (s.const !== undefined) return `exactly ${code(s.const)}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null');
  const main = types.filter((t) => t !== 'null');
  let label: string;
  if (main[0] === 'array') label = `array of ${s.items ? typeLabel(s.items) : 'values'}`;
  else if (main[0] === 'object' && !s.properties && s.additionalProperties) label = 'object (any keys)';
  else label = main.map((t) => (t === 'integer' ? 'integer' : t)).join(' or ') || 'any value';
  if (s.format && main[0] === 'string') label += ` (${escapeHtml(s.format)})`;
  return nullable ? `${label} or null` : label;
}

/** Limits worth telling a caller before they hit them. */
function constraints(s: Schema): string[] {
  const out: string[] = [];
  const chars = (n: number) => `${n} ${n === 1 ? 'character' : 'characters'}`;
  if (s.minLength === 1) out.push('not empty');
  else if (s.minLength !== undefined && s.minLength > 1) out.push(`at least ${chars(s.minLength)}`);
  if (s.maxLength !== undefined) out.push(`at most ${chars(s.maxLength)}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.minItems !== undefined && s.minItems > 0) out.push(`at least ${s.minItems} ${s.minItems === 1 ? 'item' : 'items'}`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} ${s.maxItems === 1 ? 'item' : 'items'}`);
  if (s.default !== undefined) out.push(`default ${code(s.default)}`);
  if (s.example !== undefined) out.push(`e.g. ${code(s.example)}`);
  return out;
}

/** An object's fields as a definition list; nested inline objects are listed under their field. */
export function fieldsHtml(s: Schema, depth = 0): string {
  const properties = s.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) return '';
  const required = new Set(s.required ?? []);
  const rows = names.map((name) => {
    const p = properties[name]!;
    const notes = constraints(p);
    const nested = depth < 2 && p.properties ? fieldsHtml(p, depth + 1) : p.items?.properties && depth < 2 ? fieldsHtml(p.items, depth + 1) : '';
    return `<li><div class="field"><code class="name">${escapeHtml(name)}</code><span class="type">${typeLabel(p)}</span>${required.has(name) ? '<span class="req">required</span>' : ''}</div>${
      p.description ? `<p>${escapeHtml(p.description)}</p>` : ''
    }${notes.length ? `<p class="notes">${notes.join(' · ')}</p>` : ''}${nested}</li>`;
  });
  return `<ul class="fields">${rows.join('')}</ul>`;
}
