// Unit (*.test.ts) and integration (*.int.test.ts, real PostgreSQL prepared by the global setup) tests.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'prisma/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { NODE_ENV: 'test', APP_SECRET: 'vitest-secret-0123456789abcdef', NEXT_TELEMETRY_DISABLED: '1', JOB_MONITOR_SECONDS: '1', JOB_HEARTBEAT_SECONDS: '10' },
  },
});
