// `npm run db:new-migration -- <name>`: writes a migration for the difference between prisma/migrations and prisma/schema.prisma.
import path from 'node:path';
import { createMigration } from './migrations.ts';

const name = process.argv[2];
if (!name || process.argv.length > 3 || !/^[A-Za-z0-9_-]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <name>   (letters, digits, "-" and "_" only, e.g. add_invoice_status)');
  process.exit(2);
}

try {
  const created = await createMigration(name);
  if (created) {
    console.log(`Created migration ${created.name}: ${path.relative(process.cwd(), created.file)}`);
    console.log('Review the SQL, then apply it with `npm run db:migrate` (or restart `npm run dev`).');
  } else {
    console.log('No changes: prisma/schema.prisma already matches the migrations in prisma/migrations.');
  }
} catch (error) {
  console.error(`Could not create the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
