// Validates the practice module's expectations (keywords and target time) before scoring against them.

import { ModuleValidationError, type ValidationIssue } from './analysis-errors';
import type { ModuleExpectations } from './session-types';

export function validateModuleExpectations(raw: unknown): ModuleExpectations {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ModuleValidationError([{ path: 'module', message: 'must be an object with keywords and targetTime' }]);
  }
  const { keywords, targetTime } = raw as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(keywords)) {
    issues.push({ path: 'module.keywords', message: 'must be an array of strings' });
  } else {
    keywords.forEach((keyword: unknown, index: number) => {
      if (typeof keyword !== 'string' || keyword.trim() === '') {
        issues.push({ path: `module.keywords.${index}`, message: 'must be a non-empty string' });
      }
    });
  }
  if (typeof targetTime !== 'number' || !Number.isFinite(targetTime) || targetTime < 0) {
    issues.push({ path: 'module.targetTime', message: 'must be a finite, non-negative number of seconds' });
  }
  if (issues.length > 0) throw new ModuleValidationError(issues);
  return { keywords: [...(keywords as string[])], targetTime: targetTime as number };
}
