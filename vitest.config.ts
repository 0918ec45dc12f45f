// Unit (*.test.ts) and integration (*.int.test.ts, real PostgreSQL prepared by the global setup) tests.
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Timing tests measure a pace (the campaign's messages per minute within 2 %) or race kills against a clock: beside
// the other files on two cores they measure the neighbours. `npm test` runs them after the rest, one file at a time
// (`VITEST_TIMING=1`, scripts/test.sh); a plain `vitest run` leaves them out unless they are named.
export const TIMING_TESTS = ['server/domain/campaigns/campaign-pacing.int.test.ts', 'server/domain/campaigns/campaign-crash.int.test.ts'];
const timingOnly = process.env.VITEST_TIMING === '1';
const named = (file: string) => process.argv.some((arg) => arg.length > 3 && file.includes(arg));

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: timingOnly ? TIMING_TESTS : ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'prisma/**/*.test.ts'],
    exclude: timingOnly ? configDefaults.exclude : [...configDefaults.exclude, ...TIMING_TESTS.filter((file) => !named(file))],
    fileParallelism: !timingOnly,
    globalSetup: ['./vitest.global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { NODE_ENV: 'test', APP_SECRET: 'vitest-secret-0123456789abcdef', NEXT_TELEMETRY_DISABLED: '1', JOB_MONITOR_SECONDS: '1', JOB_HEARTBEAT_SECONDS: '10' },
  },
});
