// Checks a list's filters in the browser with the server's own zod schema, so a value the server would refuse (one
// digit in Phone, an emoji in VIN, From after To, a made-up status in a link) is caught beside its field and never
// sent: the list keeps its last good rows instead of turning into an error.
import type { z } from 'zod';
import { dateRangeInput } from '@/server/domain/shared/date-range';

/** Problems by filter name (the first message of each); empty when every filter is acceptable. */
export type FilterProblems = Record<string, string>;
export type FilterCheck = (filters: Record<string, string>) => FilterProblems;

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * A check from the list's filter schema (the one the server parses), plus the date-range rules when the list has
 * `from`/`to` (valid dates, the end not before the start).
 */
export function filterCheck(schema: z.ZodType): FilterCheck {
  return (filters) => {
    const problems: FilterProblems = {};
    const parsed = schema.safeParse(filters);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = issue.path[0];
        if (typeof name === 'string' && name in filters && !problems[name]) problems[name] = sentence(issue.message);
      }
    }
    if (filters.from !== undefined || filters.to !== undefined) {
      const range = dateRangeInput.safeParse({ from: filters.from, to: filters.to });
      if (!range.success) {
        for (const issue of range.error.issues) {
          const name = issue.path[0];
          if (typeof name === 'string' && !problems[name]) problems[name] = sentence(issue.message);
        }
      }
    }
    return problems;
  };
}
