// Zod's own messages, as they reach a form under a field, read as instructions to a person.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-messages';
import { updateOrganizationInput } from '../organizations/organization.schema';
import { changePasswordInput, registerInput } from '../identity/user.schema';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('plain zod messages', () => {
  it('speaks of fields, characters and choices instead of types', () => {
    expect(messages(z.object({ a: z.string() }), {})).toEqual(['Fill in this field']);
    expect(messages(z.string().min(1), '')).toEqual(['Fill in this field']);
    expect(messages(z.string().min(3), 'ab')).toEqual(['Use at least 3 characters']);
    expect(messages(z.string().max(1), 'ab')).toEqual(['Use at most 1 character']);
    expect(messages(z.array(z.string()).min(1), [])).toEqual(['Choose at least one']);
    expect(messages(z.number(), 'x')).toEqual(['Enter a number']);
    expect(messages(z.email(), 'nope')).toEqual(['Enter an email address, like name@company.com']);
    expect(messages(z.enum(['owner', 'member']), 'boss')).toEqual(['Choose one of: owner, member']);
  });

  it('never shows the fragments forms used to capitalize ("Is required", "Is incorrect")', () => {
    const all = [
      ...messages(registerInput, { email: 'x', password: 'short', firstName: ' ', lastName: '' }),
      ...messages(changePasswordInput, { password: '', newPassword: 'short' }),
    ];
    expect(all).toEqual(['Enter an email address, like name@company.com', 'Use at least 8 characters', 'Enter your first name', 'Enter your last name', 'Enter your current password', 'Use at least 8 characters']);
    for (const m of all) expect(m).toMatch(/^[A-Z]/);
  });

  it('accepts only web addresses as an organization logo', () => {
    for (const image of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://example.com/logo.png', 'JavaScript:alert(1)']) {
      expect(messages(updateOrganizationInput, { image })).toEqual(['Enter a web address starting with https://']);
    }
    expect(messages(updateOrganizationInput, { image: 'https://example.com/logo.png' })).toEqual([]);
    expect(messages(updateOrganizationInput, { image: 'http://cdn.example.com/l.svg' })).toEqual([]);
  });
});
