// Renders the OpenAPI document's operations for the API reference, grouped by tag: method and path, who may call
// it, parameters, the request body's fields and the answers, then every named schema once.
import { escapeHtml, fieldsHtml, refName, schemaAnchor, typeLabel, type Schema } from './schema-html';

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Content = Record<string, { schema?: Schema }>;
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Content };
  responses?: Record<string, { description?: string; content?: Content }>;
};
export type OpenApiLike = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const operationAnchor = (method: string, path: string) => `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

type Entry = { method: string; path: string; op: Operation };

/** Operations by tag, in the document's order. */
export function operationsByTag(doc: OpenApiLike): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, op });
    }
  }
  return groups;
}

function parametersHtml(params: Parameter[], label: string): string {
  if (!params.length) return '';
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${escapeHtml(p.in)}</td><td>${p.schema ? typeLabel(p.schema) : ''}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
    )
    .join('');
  // Focusable, so the table can be scrolled sideways from the keyboard on a narrow screen.
  return `<h4>Parameters</h4><div class="table" tabindex="0" role="region" aria-label="Parameters of ${escapeHtml(label)}"><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function bodyHtml(body: Operation['requestBody'], schemas: Record<string, Schema>): string {
  if (!body?.content) return '';
  const parts = Object.entries(body.content).map(([type, { schema }]) => {
    if (!schema) return `<p>Body: <code>${escapeHtml(type)}</code></p>`;
    const resolved = schema.$ref ? schemas[refName(schema.$ref)] : schema;
    return `<p>${body.required ? 'Body' : 'Optional body'} (<code>${escapeHtml(type)}</code>): ${typeLabel(schema)}</p>${resolved ? fieldsHtml(resolved) : ''}`;
  });
  return `<h4>Request body</h4>${parts.join('')}`;
}

function responsesHtml(responses: Operation['responses']): string {
  const rows = Object.entries(responses ?? {}).map(([status, r]) => {
    const schema = r.content ? Object.values(r.content)[0]?.schema : undefined;
    const ok = status.startsWith('2');
    return `<li><span class="status ${ok ? 'ok' : 'err'}">${escapeHtml(status)}</span> ${escapeHtml(r.description ?? '')}${schema ? ` → ${typeLabel(schema)}` : ''}</li>`;
  });
  return rows.length ? `<h4>Answers</h4><ul class="responses">${rows.join('')}</ul>` : '';
}

function operationHtml({ method, path, op }: Entry, schemas: Record<string, Schema>): string {
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  return `<article class="operation" id="${operationAnchor(method, path)}" aria-labelledby="${operationAnchor(method, path)}-title">
<div class="op-head"><span class="method m-${method}">${method.toUpperCase()}</span><code class="path">/api/v1${escapeHtml(path)}</code>${isPublic ? '<span class="public">public</span>' : ''}</div>
<h3 id="${operationAnchor(method, path)}-title">${escapeHtml(op.summary ?? `${method.toUpperCase()} ${path}`)}</h3>
${op.description ? `<p class="desc">${escapeHtml(op.description)}</p>` : ''}
${parametersHtml(op.parameters ?? [], op.summary ?? path)}${bodyHtml(op.requestBody, schemas)}${responsesHtml(op.responses)}
</article>`;
}

/** The operations, tag by tag, and the named schemas they refer to. */
export function referenceBodyHtml(doc: OpenApiLike): string {
  const schemas = doc.components?.schemas ?? {};
  const groups = [...operationsByTag(doc)].map(
    ([tag, entries]) => `<section class="tag" aria-labelledby="tag-${escapeHtml(tag)}"><h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${entries.map((e) => operationHtml(e, schemas)).join('')}</section>`,
  );
  const models = Object.entries(schemas).map(
    ([name, s]) =>
      `<article class="schema" id="${schemaAnchor(name)}"><h3><code>${escapeHtml(name)}</code></h3>${s.description ? `<p class="desc">${escapeHtml(s.description)}</p>` : ''}${
        s.properties ? fieldsHtml(s) : `<p>${typeLabel(s)}</p>`
      }</article>`,
  );
  return `${groups.join('')}<section class="tag" aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>${models.join('')}</section>`;
}

/** The table of contents: each tag with its operations. */
export function referenceNavHtml(doc: OpenApiLike): string {
  const groups = [...operationsByTag(doc)].map(
    ([tag, entries]) =>
      `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a><ul>${entries
        .map((e) => `<li><a href="#${operationAnchor(e.method, e.path)}"><span class="method m-${e.method}">${e.method.toUpperCase()}</span> ${escapeHtml(e.op.summary ?? e.path)}</a></li>`)
        .join('')}</ul></li>`,
  );
  return `<ul>${groups.join('')}<li><a href="#schemas">Schemas</a></li></ul>`;
}
