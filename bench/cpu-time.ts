// CPU time a process tree spends (Linux /proc), for costs per request that do not depend on how busy the machine
// is: on a shared 2-core box, wall-clock throughput says as much about the neighbours as about the code.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): number[] | null {
  try {
    // The command name (field 2) may hold spaces; the numbers start after its closing parenthesis.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  } catch {
    return null;
  }
}

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/**
 * Milliseconds of CPU used so far by `pid` and everything under it, counting children that already ended (a
 * PostgreSQL backend that exited is in its postmaster's cutime/cstime).
 */
export function treeCpuMs(pid: number): number {
  const s = stat(pid);
  if (!s) return 0;
  // After the name: state(0) ppid … utime(11) stime(12) cutime(13) cstime(14).
  const own = (s[11]! + s[12]! + s[13]! + s[14]!) * TICK_MS;
  return own + children(pid).reduce((sum, child) => sum + treeCpuMs(child), 0);
}

/** This process's own CPU milliseconds (user + system). */
export const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The embedded PostgreSQL's postmaster (its data directory's postmaster.pid), whose tree runs every backend; null for
 * a server of DATABASE_URL (its CPU is not ours to read). */
export function postmasterPid(dataDir = '.data/postgres-test'): number | null {
  if (process.env.DATABASE_URL) return null;
  try {
    return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}
