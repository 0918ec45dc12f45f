import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials-of';

describe('initialsOf', () => {
  it('takes the first letter of the first two words, upper-cased', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('demo motors of austin')).toBe('DM');
    expect(initialsOf('  Grace  ')).toBe('G');
  });

  it('never splits an emoji or a combined character', () => {
    expect(initialsOf('Zed 😀 Motors')).toBe('Z😀');
    expect(initialsOf('👩‍👩‍👧 Family Cars')).toBe('👩‍👩‍👧F');
    expect(initialsOf('e\u0301clair')).toBe('E\u0301');
    expect([...initialsOf('𝒜lpha 𝒵ulu')]).toHaveLength(2);
  });

  it('skips punctuation and symbols that open a word', () => {
    expect(initialsOf('<Acme> Motors')).toBe('AM');
    expect(initialsOf('"Quoted" (Name)')).toBe('QN');
    expect(initialsOf('— 42 Garage')).toBe('4G');
  });

  it('is empty when nothing in the name can stand for it', () => {
    expect(initialsOf('<>')).toBe('');
    expect(initialsOf('')).toBe('');
  });
});
