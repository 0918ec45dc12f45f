// Zod's built-in messages in plain words for the person filling in a form ("Use at least 8 characters", not "Too small:
// expected string to have >=8 characters"). Every schema module imports this once; it configures zod globally, on the
// server and in the browser alike, and only speaks where a schema gave no message of its own.
import { z } from 'zod';
import type { $ZodErrorMap } from 'zod/v4/core';

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

type Issue = Parameters<$ZodErrorMap>[0];

export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Fill in this field';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a number';
      if (issue.expected === 'boolean') return 'Choose yes or no';
      if (issue.expected === 'array') return 'Choose from the list';
      if (issue.expected === 'string') return 'Enter text';
      return 'This value has the wrong form';
    case 'too_small': {
      const min = issue.minimum as number | bigint;
      if (issue.origin === 'string') return Number(min) <= 1 ? 'Fill in this field' : `Use at least ${plural(min, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at least ${Number(min) === 1 ? 'one' : min}`;
      return `Enter ${issue.inclusive ? 'at least' : 'more than'} ${min}`;
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint;
      if (issue.origin === 'string') return `Use at most ${plural(max, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${max}`;
      return `Enter ${issue.inclusive ? 'at most' : 'less than'} ${max}`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Enter an email address, like name@company.com';
        case 'url':
          return 'Enter a web address, like https://example.com';
        case 'uuid':
          return 'This is not a valid id';
        case 'datetime':
        case 'date':
          return 'Enter a date';
        default:
          return 'This value has the wrong form';
      }
    case 'invalid_value':
      return issue.values.length <= 6 ? `Choose one of: ${issue.values.map(String).join(', ')}` : 'Choose a value from the list';
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
