// Runs once when a Next.js server process starts: the background services every app instance carries.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build' || !process.env.DATABASE_URL) return;
  const { startBackgroundServices } = await import('./server/background-services');
  await startBackgroundServices();
}
