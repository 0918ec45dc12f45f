// Query-string shapes shared by list filters: comma lists ("any of"), as API.md §1 describes.
import { z } from 'zod';

/** `a,b` or ['a', 'b'] (tRPC) → ['a', 'b']; blanks dropped; at most `max` items. */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T, max = 50) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(max, `at most ${max} values`));

/** A LIKE/ILIKE pattern matching `word` anywhere, literally: what a user types as %, _ or \ is not a wildcard. */
export const containsPattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
