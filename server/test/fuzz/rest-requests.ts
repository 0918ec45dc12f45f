// Bad requests for one operation of the OpenAPI document: its path, query and body, each mutated the way an
// attacker would, sent with real credentials (or broken ones) in every header variant that matters.
import fc from 'fast-check';
import { hostileText } from './hostile';
import { mutated } from './mutate';
import { validValue, type JsonSchema, type Resolver } from './schema-arbitrary';

export type Operation = {
  method: string;
  template: string;
  parameters: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  bodyTypes: Record<string, JsonSchema>;
  access: string;
};

export type Credentials = { apiKey: string; bearer: string; organizationId: string; otherOrganizationId: string };

export type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** What was done to it, for the failure report. */
  notes: string[];
};

/** Ids this tenant owns, another tenant owns, and none owns; plus strings that are not ids at all. */
export type KnownIds = { own: string[]; foreign: string[] };

const BAD_IDS = [
  '',
  'x',
  '1',
  '-'.repeat(36),
  'z'.repeat(36),
  '00000000-0000-0000-0000-00000000000g',
  '{01234567-89ab-cdef-0123-456789abcdef}',
  '01234567-89AB-CDEF-0123-456789ABCDEF ',
  '0123456789abcdef0123456789abcdef',
  'null',
  '../me',
  '%00',
  'a\u0000b',
  '\ud800',
  'x'.repeat(10_000),
  '1 OR 1=1',
];

function idValue(ids: KnownIds): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids.own, ...ids.foreign), weight: 2 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.constantFrom(...BAD_IDS), weight: 3 },
    { arbitrary: hostileText, weight: 1 },
  );
}

/** A path segment as a client would write it; `raw` keeps the value's own %-escapes (so "%00" arrives as NUL). */
export function encodeSegment(value: string, raw: boolean): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // Lone surrogates cannot be percent-encoded; send them as the bytes a broken client would.
    encoded = encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd')).replace(/%EF%BF%BD/g, '%ED%A0%80');
  }
  return (raw ? encoded.replace(/%25/g, '%') : encoded) || '%20';
}

export const encodeQueryPart = (s: string) => encodeSegment(s, false).replace(/^%20$/, s === '' ? '' : '%20');

const QUERY_VALUES = fc.oneof(
  { arbitrary: hostileText.filter((v) => v.length < 20_000), weight: 3 },
  { arbitrary: fc.constantFrom('0x10', '1e3', ' 5', '', '-1', '0', '201', '99999999999999999999', '2024-02-30', '2024-13-45', '9999-99-99', '0000-00-00', '-271821-04-20T00:00:00.000Z', 'Jan 1 2024', '1', '-name', 'name', 'password', '%', '%zz'), weight: 3 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
);

function queryString(op: Operation, resolve: Resolver): fc.Arbitrary<{ query: string; notes: string[] }> {
  const declared = op.parameters.filter((p) => p.in === 'query');
  const valueFor = (p: Operation['parameters'][number]) =>
    fc.oneof({ arbitrary: validValue(p.schema, resolve).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), weight: 1 }, { arbitrary: QUERY_VALUES, weight: 2 });
  const pairs = fc.tuple(
    ...declared.map((p) => fc.option(fc.tuple(fc.constant(p.name), valueFor(p)), { nil: undefined, freq: 2 })),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('limit', 'offset', 'skip', 'ordering', 'from', 'to', 'tz', 'timezoneoffset', '__proto__', ''), fc.string({ maxLength: 8 })), QUERY_VALUES), { maxLength: 3 }),
  );
  return pairs.map((parts) => {
    // Generated values are never changed in place: fast-check shrinks from them.
    const extra = parts.at(-1) as Array<[string, string]>;
    const all = [...(parts.slice(0, -1).filter(Boolean) as Array<[string, string]>), ...extra];
    const query = all.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&');
    return { query: query ? `?${query}` : '', notes: all.length ? [`query ${JSON.stringify(Object.fromEntries(all.map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v])))}`] : [] };
  });
}

const JSON_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=UTF-16',
  'application/json; charset="latin1"',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/json-seq',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'multipart/form-data',
  'image/png',
  ';;;',
  'application/json; charset=utf-8; charset=utf-16',
  '',
];

/** Raw bodies no schema produces: broken JSON, broken UTF-8, UTF-16, huge and deeply nested text. */
const RAW_BODIES: fc.Arbitrary<{ bytes: Uint8Array; note: string }> = fc.oneof(
  fc.constantFrom(
    { text: '', note: 'empty body' },
    { text: '{', note: 'truncated JSON' },
    { text: '{"a":1,}', note: 'trailing comma' },
    { text: '{}x', note: 'trailing garbage' },
    { text: 'null', note: 'null' },
    { text: '"\\u0000"', note: 'escaped NUL string' },
    { text: '{"\\u0000":1}', note: 'NUL field name' },
    { text: '\ufeff{}', note: 'BOM' },
    { text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, note: '100k nested arrays' },
    { text: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, note: '50k nested objects' },
    { text: `{"a":"${'x'.repeat(1024 * 1024 + 16)}"}`, note: 'over 1 MB' },
    { text: '--fuzz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--fuzz--\r\n', note: 'multipart' },
  ).map(({ text, note }) => ({ bytes: new TextEncoder().encode(text), note })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes, note: 'random bytes' })),
  fc.constant({ bytes: new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), note: 'UTF-16LE {}' }),
  fc.constant({ bytes: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), note: 'invalid UTF-8' }),
);

function jsonBody(schema: JsonSchema | undefined, resolve: Resolver): fc.Arbitrary<{ bytes: Uint8Array; note: string }> {
  return mutated(validValue(schema, resolve)).map(({ mutation, value }) => {
    const text = value === undefined ? '' : JSON.stringify(value);
    return { bytes: new TextEncoder().encode(text), note: `${mutation} ${text.length > 300 ? `${text.slice(0, 300)}…(${text.length})` : text}` };
  });
}

/** Bodies for a binary upload (an image, a recording, a CSV): wrong bytes, right magic with garbage, too large. */
const UPLOAD_BODIES: fc.Arbitrary<{ bytes: Uint8Array; note: string }> = fc.oneof(
  fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ bytes, note: 'random bytes' })),
  fc.constantFrom(
    { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), note: 'PNG magic, nothing else' },
    { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), note: 'JPEG magic' },
    { bytes: new Uint8Array([0x42, 0x4d]), note: 'BMP magic' },
    { bytes: new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '), note: 'WAV header stub' },
    { bytes: new TextEncoder().encode('%PDF-1.7\n'), note: 'PDF header stub' },
    { bytes: new TextEncoder().encode('name,phone\n"a,\u0000",=cmd|calc\n'), note: 'CSV with NUL and a formula' },
    { bytes: new Uint8Array(0), note: 'empty' },
  ),
  fc.constant({ bytes: new Uint8Array(6 * 1024 * 1024).fill(7), note: '6 MB' }),
);

function headerSafe(value: string): string {
  // Header values are latin-1 without CR, LF or NUL; anything else a client cannot even send.
  return value.replace(/[^\x20-\x7e\x80-\xff]/g, '?');
}

export function requestFor(op: Operation, resolve: Resolver, creds: Credentials, ids: KnownIds): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const path = fc.tuple(...pathParams.map(() => fc.tuple(idValue(ids), fc.boolean()))).map((values) => {
    let p = op.template;
    const notes: string[] = [];
    pathParams.forEach((param, i) => {
      const [value, raw] = values[i]!;
      p = p.replace(`{${param.name}}`, encodeSegment(value, raw));
      notes.push(`${param.name}=${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value)}`);
    });
    return { path: p, notes };
  });

  const auth = fc.oneof(
    { arbitrary: fc.constant({ headers: { 'x-api-key': creds.apiKey } as Record<string, string>, note: 'api key' }), weight: 4 },
    { arbitrary: fc.constant({ headers: { authorization: `Bearer ${creds.bearer}`, 'x-organization-id': creds.organizationId }, note: 'access token' }), weight: 4 },
    { arbitrary: fc.constant({ headers: { authorization: `Bearer ${creds.bearer}`, 'x-organization-id': creds.otherOrganizationId }, note: "access token, another tenant's organization" }), weight: 1 },
    { arbitrary: fc.constant({ headers: { authorization: `Bearer ${creds.bearer}` }, note: 'access token, active organization' }), weight: 1 },
    { arbitrary: fc.constantFrom({}, { authorization: 'Bearer' }, { authorization: 'Basic Zm9vOmJhcg==' }, { 'x-api-key': 'pk_' }, { authorization: 'Bearer pk_nope' }, { authorization: `Bearer ${creds.bearer}x` }).map((headers) => ({ headers: headers as Record<string, string>, note: `bad credentials ${JSON.stringify(headers)}` })), weight: 1 },
    { arbitrary: hostileText.map((v) => ({ headers: { authorization: `Bearer ${creds.bearer}`, 'x-organization-id': headerSafe(v).slice(0, 2000) }, note: 'hostile x-organization-id' })), weight: 1 },
  );

  const hasBody = !['GET', 'HEAD'].includes(op.method);
  const bodyTypes = Object.entries(op.bodyTypes);
  const jsonSchema = op.bodyTypes['application/json'];
  type Body = { bytes?: Uint8Array; contentType?: string; notes: string[] };
  const body: fc.Arbitrary<Body> = !hasBody
    ? fc.constant<Body>({ notes: [] })
    : fc.oneof<Array<fc.WeightedArbitrary<Body>>>(
        { arbitrary: fc.constant<Body>({ notes: ['no body'] }), weight: op.method === 'DELETE' || bodyTypes.length === 0 ? 4 : 1 },
        {
          // Mostly with the content type the operation takes, so the bad content reaches the parser and the schema.
          arbitrary: fc
            .tuple(
              jsonSchema || bodyTypes.length === 0 ? jsonBody(jsonSchema, resolve) : UPLOAD_BODIES,
              fc.oneof({ arbitrary: fc.constantFrom(...(bodyTypes.length ? bodyTypes.map(([t]) => t) : ['application/json'])), weight: 4 }, { arbitrary: fc.constantFrom(...JSON_TYPES), weight: 1 }),
            )
            .map(([b, contentType]) => ({ bytes: b.bytes, contentType, notes: [`body (${contentType || 'no type'}) ${b.note}`] })),
          weight: 8,
        },
        { arbitrary: fc.tuple(RAW_BODIES, fc.constantFrom(...JSON_TYPES, ...bodyTypes.map(([t]) => t))).map(([b, contentType]) => ({ bytes: b.bytes, contentType, notes: [`raw body (${contentType || 'no type'}) ${b.note}`] })), weight: 2 },
        ...(bodyTypes.some(([t]) => !t.includes('json')) ? [{ arbitrary: fc.tuple(UPLOAD_BODIES, fc.constantFrom(...bodyTypes.map(([t]) => t), 'application/octet-stream', 'image/gif')).map(([b, contentType]) => ({ bytes: b.bytes, contentType, notes: [`upload (${contentType}) ${b.note}`] })), weight: 4 }] : []),
      );

  const idempotency = op.method === 'POST'
    ? fc.option(fc.oneof({ arbitrary: fc.uuid(), weight: 6 }, { arbitrary: fc.constantFrom('a'.repeat(256), 'a'.repeat(255), 'same-key-every-time', ' '), weight: 1 }), { freq: 4, nil: undefined })
    : fc.constant(undefined);

  return fc.tuple(path, queryString(op, resolve), auth, body, idempotency).map(([p, q, a, b, key]) => {
    const headers: Record<string, string> = { ...a.headers };
    if (b.contentType) headers['content-type'] = b.contentType;
    if (key !== undefined) headers['idempotency-key'] = key;
    return {
      method: op.method,
      path: `${p.path}${q.query}`,
      headers,
      body: b.bytes,
      notes: [`${op.method} ${op.template}`, ...p.notes, ...q.notes, a.note, ...b.notes, ...(key !== undefined ? [`idempotency-key ${key.slice(0, 40)}`] : [])],
    };
  });
}

/** The operations of an OpenAPI document, with what the fuzzer needs of each. */
export function operationsOf(doc: { paths?: Record<string, Record<string, unknown> | undefined> }, resolve: Resolver): Operation[] {
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item ?? {})) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; security?: unknown[]; description?: string };
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        template,
        parameters: (op.parameters ?? []).map((p) => ('$ref' in p ? (resolve((p as { $ref: string }).$ref) as unknown as Operation['parameters'][number]) : p)),
        bodyTypes: Object.fromEntries(Object.entries(content).map(([type, c]) => [type, c.schema ?? {}])),
        access: op.security && op.security.length === 0 ? 'public' : (op.description ?? ''),
      });
    }
  }
  return out;
}
