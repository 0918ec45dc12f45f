// Prints one closing line for the whole of `npm test` ("N passed, N failed"), from the vitest and Playwright JSON reports,
// preceded by the name and first error line of every failed test: CI shows only the tail of the output, and a failure
// scrolled out of it could not otherwise be found.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const firstLine = (text) => stripVTControlCharacters(String(text ?? '')).split('\n').find((l) => l.trim()) ?? '';

function playwrightFailures(suite, file) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'unexpected') continue;
      const result = test.results?.at(-1);
      failures.push(`${spec.file ?? file}:${spec.line} › ${spec.title} — ${firstLine(result?.error?.message)}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, suite.file ?? file);
}

for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    for (const result of report.testResults ?? []) {
      const name = relative(process.cwd(), result.name);
      for (const a of result.assertionResults ?? []) {
        if (a.status === 'failed') failures.push(`${name} › ${a.fullName} — ${firstLine(a.failureMessages?.[0])}`);
      }
      // A file that failed before any test ran (an import error, a hook) has no failed assertion to name.
      if (result.status === 'failed' && !(result.assertionResults ?? []).some((a) => a.status === 'failed')) {
        failures.push(`${name} — ${firstLine(result.message)}`);
      }
    }
  } else {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    for (const suite of report.suites ?? []) playwrightFailures(suite, suite.file);
  }
}
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f.slice(0, 400)}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
