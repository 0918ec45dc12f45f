import { describe, expect, it } from 'vitest';
import { safeCallback } from './safe-callback';

describe('safeCallback', () => {
  it('keeps a whole path on this site, query and all', () => {
    expect(safeCallback('/0f0c/sessions/abc?tab=pace#energy')).toBe('/0f0c/sessions/abc?tab=pace#energy');
  });
  it('refuses anything a browser would take off the site', () => {
    for (const bad of ['//evil.example/x', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeCallback(bad, '/home')).toBe('/home');
    }
  });
});
