// Ports a bench listens on: BENCH_PORT and the ones after it (each worktree's .wt-env sets its own base, so benches of
// parallel sessions never collide); 3200 when unset.
export const benchPort = (offset = 0): number => Number(process.env.BENCH_PORT || 3200) + offset;
