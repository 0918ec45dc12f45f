// The bad inputs every operation gets every run, before the random ones: the kinds that broke this API before
// (a NUL or a lone surrogate in each text field, impossible dates and lenient numbers in each query value, ids
// that are not UUIDs, undeclared charsets), so a regression is caught whatever the seed.
import fc from 'fast-check';
import { nested } from './hostile';
import { encodeQueryPart, encodeSegment, type Credentials, type FuzzRequest, type KnownIds, type Operation } from './rest-requests';
import { validValue, type JsonSchema, type Resolver } from './schema-arbitrary';

type Path = Array<string | number>;

function stringLeaves(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'string') out.push(at);
  else if (Array.isArray(value)) value.forEach((v, i) => stringLeaves(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringLeaves(v, [...at, k], out);
  return out;
}

function replaced(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = next;
  return copy;
}

function mapStrings(value: unknown, f: (s: string) => unknown): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** A plausibly valid value of the schema, the same for a given seed. */
export function sampleValue(schema: JsonSchema | undefined, resolve: Resolver, seed: number): unknown {
  return fc.sample(validValue(schema, resolve), { seed, numRuns: 1 })[0];
}

/** Every value the systematic pass tries in place of a valid one, each named for the report. */
export function systematicValues(valid: unknown): Array<{ note: string; value: unknown }> {
  const out: Array<{ note: string; value: unknown }> = [];
  for (const path of stringLeaves(valid)) {
    const at = path.join('.') || '(root)';
    out.push({ note: `NUL in ${at}`, value: replaced(valid, path, 'a\u0000b') });
    out.push({ note: `lone surrogate in ${at}`, value: replaced(valid, path, 'x\ud800') });
  }
  out.push(
    { note: 'as is', value: valid },
    { note: 'control characters in every text', value: mapStrings(valid, () => '\u0001\u001b[2J\u007f\u0085') },
    { note: 'every text empty', value: mapStrings(valid, () => '') },
    { note: 'every text 100k characters', value: mapStrings(valid, () => 'é'.repeat(100_000)) },
    { note: 'every text a number', value: mapStrings(valid, () => 1e308) },
    { note: 'every text an object', value: mapStrings(valid, () => ({ '': null })) },
    { note: 'unknown fields', value: valid && typeof valid === 'object' && !Array.isArray(valid) ? { ...valid, role: 'owner', organizationId: '00000000-0000-4000-8000-000000000000' } : { role: 'owner' } },
    { note: 'empty object', value: {} },
    { note: 'array', value: [valid] },
    { note: 'null', value: null },
    { note: '100 levels deep', value: nested(100, 'object') },
  );
  return out;
}

const QUERY_SUSPECTS = ['0x10', '1e3', ' 5', '', 'a\u0000b', '2024-02-30', '-271821-04-20T00:00:00.000Z', 'Jan 1 2024', 'x'.repeat(10_000)];
const ID_SUSPECTS = ['-'.repeat(36), 'not-a-uuid', '%00', 'x'.repeat(2_000)];
const CHARSETS = ['application/json; charset=utf-16', 'application/json; charset=iso-8859-1', 'text/plain', ''];

export function systematicRequests(op: Operation, resolve: Resolver, creds: Credentials, ids: KnownIds, seed: number): FuzzRequest[] {
  const auth: Array<Record<string, string>> = [{ 'x-api-key': creds.apiKey }, { authorization: `Bearer ${creds.bearer}`, 'x-organization-id': creds.organizationId }];
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathWith = (value?: (name: string) => string) =>
    pathParams.reduce((p, param) => p.replace(`{${param.name}}`, encodeSegment(value?.(param.name) ?? ids.own[0]!, true)), op.template);
  const out: FuzzRequest[] = [];
  const push = (r: Omit<FuzzRequest, 'method'>, i: number) => out.push({ method: op.method, ...r, headers: { ...auth[i % 2], ...r.headers } });

  const jsonSchema = op.bodyTypes['application/json'];
  const takesBody = !['GET', 'HEAD', 'DELETE'].includes(op.method);
  if (takesBody && (jsonSchema || Object.keys(op.bodyTypes).length === 0)) {
    const valid = sampleValue(jsonSchema, resolve, seed);
    systematicValues(valid).forEach(({ note, value }, i) =>
      push({ path: pathWith(), headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(value)), notes: [`${op.method} ${op.template}`, `systematic: ${note}`] }, i),
    );
    CHARSETS.forEach((type, i) =>
      push({ path: pathWith(), headers: type ? { 'content-type': type } : {}, body: new TextEncoder().encode(JSON.stringify(valid)), notes: [`${op.method} ${op.template}`, `systematic: content-type ${type || 'none'}`] }, i),
    );
  }
  for (const [i, suspect] of QUERY_SUSPECTS.entries()) {
    if (queryParams.length === 0) break;
    const query = queryParams.map((p) => `${encodeQueryPart(p.name)}=${encodeQueryPart(suspect)}`).join('&');
    push({ path: `${pathWith()}?${query}`, headers: {}, notes: [`${op.method} ${op.template}`, `systematic: every query value ${JSON.stringify(suspect.slice(0, 40))}`] }, i);
  }
  for (const [i, suspect] of ID_SUSPECTS.entries()) {
    if (pathParams.length === 0) break;
    push({ path: pathWith(() => suspect), headers: {}, notes: [`${op.method} ${op.template}`, `systematic: every path parameter ${JSON.stringify(suspect.slice(0, 40))}`] }, i);
  }
  return out;
}
