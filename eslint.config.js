// Lint rules; the one that matters most: transports (app/, server/trpc) never touch Prisma or server/db directly.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layering = {
  patterns: [
    { group: ['@prisma/*', '**/generated/prisma', '**/generated/prisma/*'], message: 'Transports call server/domain; only the domain layer touches Prisma.' },
    { group: ['**/server/db', '@/server/db', '**/server/pg-pool', '@/server/pg-pool', '**/server/csv-export', '@/server/csv-export'], message: 'Transports call server/domain; only the domain layer touches the database.' },
  ],
};

// What only exists inside Next's request scope. /api/v1 and /api/trpc are answered in production straight by their
// route handlers (server/http/direct-dispatch.ts), outside that scope: their route files and the server code under
// them read the Request they are given instead. (Pages, server components' tRPC caller and server/auth/next-auth.ts,
// which run under Next, may.)
const nextRequestScope = {
  paths: [
    { name: 'next/headers', message: 'Outside Next\'s request scope under direct dispatch: read the Request (server/http/direct-dispatch.ts).' },
    { name: 'next/cache', message: 'Outside Next\'s request scope under direct dispatch (server/http/direct-dispatch.ts).' },
    { name: 'next/server', importNames: ['after', 'connection'], message: 'Outside Next\'s request scope under direct dispatch: run work that outlives the request as a job.' },
    { name: 'next-auth', importNames: ['getServerSession'], message: 'Read the session with currentSession(req) from server/auth/next-auth.' },
  ],
};

const noCoerce = { selector: "MemberExpression[object.name='z'][property.name='coerce']", message: 'Parse input strictly: decimalInteger, isoDay or isoInstant from server/domain/shared, not z.coerce.' };
const throughWriteQueryData = ['setQueryData', 'setQueriesData', 'setData'].map((name) => ({
  selector: `CallExpression > MemberExpression.callee[property.name='${name}']`,
  message: 'Write query data with writeQueryData (components/providers/query-data.ts): it cancels the fetch in flight first.',
}));

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.data/**', 'server/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly', fetch: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', window: 'readonly', document: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['app/**/*.{ts,tsx}', 'server/trpc/**/*.ts', 'components/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', layering] } },
  {
    files: ['app/api/v1/**/*.ts', 'app/api/trpc/**/*.ts', 'server/trpc/**/*.ts'],
    ignores: ['server/trpc/server-caller.ts', 'server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { ...layering, ...nextRequestScope }] },
  },
  { files: ['server/**/*.ts'], ignores: ['server/trpc/**', 'server/auth/next-auth.ts', 'server/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', nextRequestScope] } },
  {
    // Input is parsed strictly: z.coerce reads `0x10` as 16, `1e3` as 1000, ` 5` as 5, '' as 0 and 'Jan 1' as a date.
    // (The environment, written by the operator, may coerce.)
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'components/**/*.{ts,tsx}'],
    ignores: ['server/env.ts', 'server/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', noCoerce] },
  },
  {
    // The browser writes query data through writeQueryData only: it cancels the query's fetch in flight first, which
    // would otherwise land after the write and show the old state again.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['components/providers/query-data.ts'],
    rules: { 'no-restricted-syntax': ['error', noCoerce, ...throughWriteQueryData] },
  },
  // Every UI spec runs with the console guard on: it takes `test` from e2e/ui/test.ts, never Playwright's bare one.
  {
    files: ['e2e/ui/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test'], message: "Import { test, expect } from './test': it fails a spec whose page logged an error." }] },
      ],
    },
  },
);
