// A job worker as a separate OS process (scripts/worker.ts), for tests that run several workers at once or kill one
// with SIGKILL mid-work. Its output is kept, so a test that fails can say what the worker said.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type WorkerProcess = { child: ChildProcess; output: () => string; kill: () => Promise<void> };

export async function startWorkerProcess(queues: readonly string[], env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts', '--queues', queues.join(',')], {
    cwd: root,
    // A killed worker's job is noticed after its missed heartbeats: keep that short in tests.
    env: { ...process.env, WORKER_CONCURRENCY: '4', JOB_HEARTBEAT_SECONDS: '10', JOB_MONITOR_SECONDS: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Worker running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
