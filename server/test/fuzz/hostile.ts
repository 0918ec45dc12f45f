// What an attacker sends instead of the expected value: control characters, broken Unicode, huge and empty text,
// numbers at the edges, impossible dates, deep nesting, and values of the wrong type.
import fc from 'fast-check';

/** Text that has broken servers before. (None contains a word the leak check looks for, so echoes are not leaks.) */
export const HOSTILE_TEXT = [
  '',
  ' ',
  '   \t  ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(40),
  '\u0001\u0002\u0008\u000b\u000c\u001b[31m\u001f\u007f',
  '\u0085\u009b\u2028\u2029',
  'line\nbreak\r\nand\ttab',
  '\u202e\u2066reversed',
  '\ufeffbom',
  '\ud800',
  'x\udc00y',
  '\udbff\udfff',
  '💩🏳️‍🌈👨‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷ 田中さん عربي',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '../../../../etc/passwd',
  '..%2f..%2f',
  "' OR '1'='1",
  '"; DROP TABLE "User"; --',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '%00',
  '%',
  '\\',
  '"',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '0x10',
  '1e3',
  ' 5',
  '5 ',
  '+5',
  '١٢٣',
  '9'.repeat(40),
  '2024-02-30',
  '2024-13-45',
  '0000-00-00',
  '9999-99-99',
  '0000-01-01',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2024-01-01T25:61:61Z',
  '2024-01-01T00:00:00+99:00',
  'Jan 1 2024',
  '1',
  'Europe/Nowhere',
  '__proto__',
  'constructor',
  'x'.repeat(256),
  'x'.repeat(5_000),
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 10 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 }), weight: 1 },
  { arbitrary: fc.constantFrom('x'.repeat(100_000), 'é'.repeat(200_000)), weight: 1 },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 1e-300, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Arrays inside arrays (or objects inside objects) `depth` levels deep. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Any value of any type, the hostile ones weighted up. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 4 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.tuple(fc.integer({ min: 65, max: 3_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, k]) => nested(d, k)), weight: 1 },
  { arbitrary: fc.constantFrom(Array.from({ length: 10_000 }, (_, i) => i), Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i]))), weight: 1 },
);

/** Field names a mass-assignment attempt or a prototype-pollution attempt would use, and plain noise. */
export const unknownFieldName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'organizationId', 'id', 'userId', 'createdAt', 'admin', 'isAdmin', 'permissions', 'passwordHash', ''),
  fc.string({ minLength: 1, maxLength: 12 }),
);
