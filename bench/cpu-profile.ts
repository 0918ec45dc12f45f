// Reads the V8 CPU profiles an app server wrote under `node --cpu-prof` (BENCH_PROFILE=1) and prints where its time
// went: the top functions by self time, and the same time summed by package (or by file for our own bundles).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Node flags for a server whose profile lands in `dir` when it exits (scripts/serve.ts exits on SIGTERM). */
export const profilingArgs = (dir: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`];

/** The largest profile in `dir`: tsx runs the server in a child process, whose profile is the one that matters. */
export function largestProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  if (!files.length) throw new Error(`No .cpuprofile in ${dir}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

const where = (url: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/.next/server/chunks/')) return `.next chunk ${path.basename(url)}`;
  if (url.startsWith('node:')) return 'node (built-in)';
  return url ? path.relative(process.cwd(), url.replace(/^file:\/\//, '')) : '(native: syscalls, V8 builtins)';
};

/** Prints the top `n` functions by self time and the top `n` packages/files, as shares of the busy (non-idle) time. */
export function summarizeProfile(file: string, n = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let idle = 0;
  const fns = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const name = functionName.startsWith('(') ? functionName : `${functionName || '(anonymous)'}  ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(name, (fns.get(name) ?? 0) + micros);
    const place = ['(garbage collector)', '(program)'].includes(functionName) ? functionName : where(url);
    places.set(place, (places.get(place) ?? 0) + micros);
  }
  const busy = [...fns.values()].reduce((a, b) => a + b, 0);
  const total = profile.endTime - profile.startTime;
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((v / busy) * 100).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return [
    `profile ${path.basename(file)}: ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((busy / total) * 100).toFixed(0)} %), idle ${(idle / 1e6).toFixed(1)} s`,
    `top functions by self time (share of busy time):`,
    rows(fns),
    `by package / file:`,
    rows(places),
  ].join('\n');
}
