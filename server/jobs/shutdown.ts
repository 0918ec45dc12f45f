// Graceful shutdown hooks shared by every bundle of the process: the server calls them on SIGTERM before it exits,
// so workers drain in-flight jobs and realtime connections close in order.
type Hook = { name: string; run: () => Promise<void> };
const hooks = ((globalThis as Record<symbol, Hook[]>)[Symbol.for('pitchcraft.shutdown')] ??= []);

export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks.push({ name, run });
}

/** Runs every hook (in parallel), each bounded by `timeoutMs`. */
export async function runShutdownHooks(timeoutMs: number): Promise<void> {
  const pending = hooks.splice(0);
  await Promise.all(
    pending.map((hook) =>
      Promise.race([
        hook.run().catch((error: unknown) => console.error(`[shutdown] ${hook.name}: ${error instanceof Error ? error.message : String(error)}`)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]),
    ),
  );
}
