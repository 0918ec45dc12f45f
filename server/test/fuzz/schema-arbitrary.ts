// Plausibly valid values for a JSON Schema (OpenAPI 3.1 components, or zod's toJSONSchema output), as fast-check
// arbitraries: the starting point the fuzzers mutate, so bad input also reaches code behind the first checks.
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  $defs?: Record<string, JsonSchema>;
};

/** Resolves `#/components/schemas/X` and `#/$defs/X` references against the document they came from. */
export type Resolver = (ref: string) => JsonSchema;

export function resolverFor(root: unknown): Resolver {
  return (ref) => {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    if (!target) throw new Error(`Unresolvable $ref ${ref}`);
    return target as JsonSchema;
  };
}

const MAX_DEPTH = 6;

export function validValue(schema: JsonSchema | undefined, resolve: Resolver, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant(null);
  if (schema.$ref) return validValue(resolve(schema.$ref), resolve, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => validValue(v, resolve, depth + 1)));
  if (schema.allOf?.length) return validValue({ ...schema, allOf: undefined, ...schema.allOf[0] }, resolve, depth + 1);
  const examples = [...(schema.example !== undefined ? [schema.example] : []), ...(schema.examples ?? [])];
  const byType = (type: string): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object':
        return objectValue(schema, resolve, depth);
      case 'array': {
        const min = schema.minItems ?? 0;
        return fc.array(validValue(schema.items, resolve, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 4, 4)) });
      }
      case 'string':
        return stringValue(schema);
      case 'integer':
        return fc.integer({ min: Math.ceil(schema.minimum ?? schema.exclusiveMinimum ?? -1000), max: Math.floor(schema.maximum ?? schema.exclusiveMaximum ?? 1000) });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : ['any'];
  const generated = fc.oneof(...types.map(byType));
  return examples.length ? fc.oneof({ arbitrary: fc.constantFrom(...examples), weight: 2 }, { arbitrary: generated, weight: 1 }) : generated;
}

function objectValue(schema: JsonSchema, resolve: Resolver, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(properties)) record[name] = validValue(prop, resolve, depth + 1);
  return fc.record(record, { requiredKeys: [...required].filter((k) => k in properties) });
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 24, 48));
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from falls back to plain text.
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}
