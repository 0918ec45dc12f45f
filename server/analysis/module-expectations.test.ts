import { describe, expect, it } from 'vitest';
import { ModuleValidationError } from './analysis-errors';
import { validateModuleExpectations } from './module-expectations';

function pathsOf(raw: unknown): string[] {
  try {
    validateModuleExpectations(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ModuleValidationError);
    expect((error as ModuleValidationError).code).toBe('validation_failed');
    return (error as ModuleValidationError).issues.map((issue) => issue.path);
  }
  throw new Error('expected a ModuleValidationError');
}

describe('validateModuleExpectations', () => {
  it('returns a copy of valid expectations', () => {
    const keywords = ['demo'];
    const result = validateModuleExpectations({ keywords, targetTime: 90 });
    expect(result).toEqual({ keywords: ['demo'], targetTime: 90 });
    expect(result.keywords).not.toBe(keywords);
  });

  it('names each bad field', () => {
    expect(pathsOf(null)).toEqual(['module']);
    expect(pathsOf({ keywords: 'demo', targetTime: 60 })).toEqual(['module.keywords']);
    expect(pathsOf({ keywords: ['ok', ''], targetTime: Number.NaN })).toEqual(['module.keywords.1', 'module.targetTime']);
  });
});
