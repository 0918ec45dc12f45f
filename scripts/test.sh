#!/usr/bin/env bash
# `npm test`: lint, type-check, unit + integration tests (real PostgreSQL), production build, then Playwright end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "› installing Debian chromium for the browser tests"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's chromium package (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

echo "› lint";        npm run --silent lint
echo "› typecheck";   npm run --silent typecheck
mkdir -p reports && rm -f reports/*.json  # a stage that writes no report must not pass on an old one
echo "› unit + integration"; npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
echo "› timing tests, one at a time"; VITEST_TIMING=1 npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest-timing.json
echo "› build";       npx next build
# Playwright's own failure does not stop here: the summary below names every failed test of every stage and fails the run.
echo "› end to end";  npx playwright test || echo "› Playwright reported failures (named below)"
node scripts/test-summary.mjs reports/vitest.json reports/vitest-timing.json reports/playwright.json
