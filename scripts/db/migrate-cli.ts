// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL when it is unset.
import { ensureDatabase, type DatabaseHandle } from './embedded.ts';
import { applyMigrations } from './migrations.ts';

let db: DatabaseHandle | undefined;
// Ctrl+C / SIGTERM: stop the embedded server we may have started before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (db?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
}

try {
  db = await ensureDatabase();
  console.log(db.embedded ? '[db] Using the embedded PostgreSQL (DATABASE_URL is not set).' : '[db] Using DATABASE_URL.');
  const applied = await applyMigrations(db.url);
  console.log(
    applied.length > 0
      ? `[db] Applied ${applied.length} migration(s):\n${applied.map((name) => `  - ${name}`).join('\n')}`
      : '[db] Database is up to date; no migrations to apply.',
  );
} catch (error) {
  console.error(`[db] Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db?.stop();
}
