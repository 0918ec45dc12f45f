// Vitest global setup: prepares a migrated test database once per run and points every test worker at it.
import type { TestProject } from 'vitest/node';
import { prepareTestDatabase, stopTestDatabase } from './scripts/db/test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = await prepareTestDatabase();
  // Workers are forked after global setup and inherit this, so code reading DATABASE_URL hits the test database.
  process.env.DATABASE_URL = url;
  // Also available explicitly in tests as inject('databaseUrl').
  project.provide('databaseUrl', url);
  return stopTestDatabase;
}
