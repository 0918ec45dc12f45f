// Prisma CLI configuration: where the schema and migrations live and which database Migrate talks to.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Read the env var directly (not `env()`), because `prisma generate` must work without a database configured.
  datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
});
