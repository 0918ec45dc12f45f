// `npm run bench:jobs`: no-op jobs per second through our worker (pg-boss, batches settled per job) against a bare
// `INSERT …` / `SELECT … FOR UPDATE SKIP LOCKED` loop on the same database, measured in one run with the same
// number of jobs and the same concurrency, printed side by side with the ratio.
import pg from 'pg';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';

const JOBS = Number(process.env.BENCH_JOBS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_jobs');
process.env.DATABASE_URL = databaseUrl;
const { jobBoss, stopJobBoss } = await import('../server/jobs/boss');
const { workQueue } = await import('../server/jobs/worker');

const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY + 2 });

async function bareLoop(): Promise<{ insertSeconds: number; runSeconds: number }> {
  await pool.query('CREATE TABLE bench_job (id bigserial PRIMARY KEY, data jsonb NOT NULL, state text NOT NULL DEFAULT $$created$$)');
  await pool.query('CREATE INDEX bench_job_created ON bench_job (id) WHERE state = $$created$$');
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i += 1000) {
    await pool.query('INSERT INTO bench_job (data) SELECT jsonb_build_object($$n$$, g) FROM generate_series($1::int, $2::int) g', [i, Math.min(JOBS, i + 1000) - 1]);
  }
  const insertSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query("SELECT id FROM bench_job WHERE state = 'created' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
          if (rows.length === 0) {
            await client.query('COMMIT');
            return;
          }
          await client.query("UPDATE bench_job SET state = 'completed' WHERE id = $1", [rows[0].id]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }
    }),
  );
  return { insertSeconds, runSeconds: (performance.now() - t1) / 1000 };
}

async function throughWorker(): Promise<{ insertSeconds: number; runSeconds: number }> {
  const boss = await jobBoss('worker');
  await boss.createQueue('bench.noop', { retryLimit: 0, notify: true });
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i += 1000) {
    await boss.insert('bench.noop', Array.from({ length: Math.min(1000, JOBS - i) }, (_, k) => ({ data: { n: i + k } })));
  }
  const insertSeconds = (performance.now() - t0) / 1000;
  let done = 0;
  let finished: () => void;
  const all = new Promise<void>((r) => (finished = r));
  const t1 = performance.now();
  await workQueue(boss, 'bench.noop', async (job) => {
    if (++done === JOBS) finished();
    return { id: job.id, status: 'completed' };
  }, { concurrency: CONCURRENCY });
  await all;
  return { insertSeconds, runSeconds: (performance.now() - t1) / 1000 };
}

try {
  const bare = await bareLoop();
  const boss = await throughWorker();
  const rate = (s: number) => (JOBS / s).toFixed(0).padStart(9);
  console.log(`\n${JOBS} no-op jobs, concurrency ${CONCURRENCY} (batch size for the worker), one database\n`);
  console.log(`${''.padEnd(50)} ${'enqueue/s'.padStart(9)} ${'run/s'.padStart(9)}`);
  console.log(`${'Pitchcraft worker (pg-boss 12, per-job results)'.padEnd(50)} ${rate(boss.insertSeconds)} ${rate(boss.runSeconds)}`);
  console.log(`${'bare INSERT / SELECT … FOR UPDATE SKIP LOCKED'.padEnd(50)} ${rate(bare.insertSeconds)} ${rate(bare.runSeconds)}`);
  console.log(`\nratio (worker / bare loop): run ${(bare.runSeconds / boss.runSeconds).toFixed(2)}×, enqueue ${(bare.insertSeconds / boss.insertSeconds).toFixed(2)}×`);
  console.log('The bare loop takes one job per transaction and does nothing else: no retries, heartbeats, retention or results.');
} finally {
  await stopJobBoss(1000);
  await pool.end();
  await stopTestDatabase();
}
