// The job queue: pg-boss (pinned) on this Node, enqueued with the transaction that causes it, and workers that can be
// killed at any instant (SIGKILL) without losing or duplicating work.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { sendMail } from '../mail/send-mail';
import { SmtpSink } from '../test/smtp-sink';
import { jobBoss, stopJobBoss } from './boss';
import { enqueue } from './enqueue';

const root = path.resolve(import.meta.dirname, '../..');

async function jobsOf(name: string, emailId: string) {
  return db.$queryRaw<{ id: string; state: string }[]>`SELECT id::text, state::text FROM pgboss.job WHERE name = ${name} AND data->>'emailId' = ${emailId}`;
}

async function queuedEmail(to: string) {
  return db.$transaction(async (tx) => sendMail(tx, { organizationId: null, to, template: 'password-reset', data: { firstName: 'Ada', url: 'http://localhost/reset/x', validMinutes: 60 } }));
}

/** Runs `npm run worker`'s script as its own process, on the test database, delivering to the sink. */
function startWorkerProcess(env: Record<string, string>) {
  // node --import tsx, not the tsx wrapper: a signal must reach the worker itself, not a parent that outlives nothing.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts', '--queues', 'mail.send'], {
    cwd: root,
    env: { ...process.env, JOB_MONITOR_SECONDS: '1', WORKER_CONCURRENCY: '4', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const ready = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => output.includes('Worker running') && (clearInterval(check), resolve()), 50);
    child.once('exit', (code) => (clearInterval(check), reject(new Error(`worker exited (${code}): ${output}`))));
  });
  return { child, ready, output: () => output };
}

async function until(predicate: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('job queue', () => {
  const sink = new SmtpSink();
  beforeAll(async () => {
    await sink.start();
    await jobBoss();
  });
  afterAll(async () => {
    await stopJobBoss(1000);
    await sink.stop();
  });

  it('runs the pinned pg-boss on this Node version', () => {
    const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies['pg-boss'];
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/pg-boss/package.json'), 'utf8')).version;
    expect(pinned).toBe('12.38.0');
    expect(installed).toBe(pinned);
    // This machine runs Node 20, below pg-boss 12's declared >=22.12; every test in this file is the proof it works here.
    console.log(`pg-boss ${installed} on Node ${process.versions.node}`);
  });

  it('enqueues with the transaction: a rollback leaves no job, a commit leaves exactly one', async () => {
    const to = `rollback-${Date.now()}@example.test`;
    let emailId = '';
    await expect(
      db.$transaction(async (tx) => {
        emailId = await sendMail(tx, { organizationId: null, to, template: 'password-reset', data: { firstName: 'A', url: 'http://x/y', validMinutes: 60 } });
        expect(await jobsOf('mail.send', emailId)).toHaveLength(0); // not visible outside the transaction
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.emailMessage.findUnique({ where: { id: emailId } })).toBeNull();
    expect(await jobsOf('mail.send', emailId)).toHaveLength(0);

    const committed = await queuedEmail(`commit-${Date.now()}@example.test`);
    // Exactly one job (another test's worker may already be running it).
    expect(await jobsOf('mail.send', committed)).toHaveLength(1);
  });

  it('a process killed right after its commit still gets its job run', async () => {
    const to = `killed-after-commit-${Date.now()}@example.test`;
    // A separate process commits a job and is SIGKILLed by itself the instant the commit returns.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/scripts/commit-then-die.ts', to], { cwd: root, env: process.env, stdio: 'inherit' });
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    const email = await db.emailMessage.findFirstOrThrow({ where: { to } });
    expect(email.status).toBe('queued');
    const worker = startWorkerProcess({ SMTP_URL: sink.url });
    try {
      await worker.ready;
      await sink.waitFor(() => sink.to(to).length === 1);
      await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status === 'sent');
    } finally {
      worker.child.kill('SIGKILL');
    }
  });

  it('a worker SIGKILLed mid-job is replaced and the job completes exactly once in effect', async () => {
    const to = `mid-job-${Date.now()}@example.test`;
    sink.options = { stall: true }; // the first delivery hangs inside the SMTP transaction
    const emailId = await queuedEmail(to);
    const first = startWorkerProcess({ SMTP_URL: sink.url });
    await first.ready;
    await until(async () => (await jobsOf('mail.send', emailId))[0]?.state === 'active');
    await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).attempts === 1);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    sink.options = {};
    // The job's heartbeat stops with the process; the supervisor fails it and it is retried by the next worker.
    const second = startWorkerProcess({ SMTP_URL: sink.url });
    try {
      await second.ready;
      await sink.waitFor(() => sink.to(to).length >= 1, 90_000);
      await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status === 'sent');
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.to(to)).toHaveLength(1);
      expect((await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).attempts).toBe(2);
      expect((await jobsOf('mail.send', emailId)).map((j) => j.state)).toEqual(['completed']);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 150_000);

  it('two workers never run the same job: 60 emails, each delivered once', async () => {
    sink.options = {};
    const tag = `pair-${Date.now()}`;
    const ids: string[] = [];
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 60; i++) {
        ids.push(await sendMail(tx, { organizationId: null, to: `${tag}-${i}@example.test`, template: 'password-reset', data: { firstName: `N${i}`, url: 'http://x/y', validMinutes: 60 } }));
      }
    }, { timeout: 30_000 });
    const workers = [startWorkerProcess({ SMTP_URL: sink.url }), startWorkerProcess({ SMTP_URL: sink.url })];
    try {
      await Promise.all(workers.map((w) => w.ready));
      await sink.waitFor((all) => all.filter((m) => m.subject && String(m.to && [m.to].flat()[0]?.text).includes(tag)).length >= 60, 60_000);
      await until(async () => (await db.emailMessage.count({ where: { id: { in: ids }, status: 'sent' } })) === 60);
      await new Promise((r) => setTimeout(r, 1000));
      const delivered = sink.messages.filter((m) => [m.to].flat()[0]?.text.includes(tag));
      const messageIds = delivered.map((m) => m.messageId);
      expect(new Set(messageIds).size).toBe(60);
      expect(messageIds).toHaveLength(60);
      const attempts = await db.emailMessage.findMany({ where: { id: { in: ids } }, select: { attempts: true } });
      expect(attempts.every((a) => a.attempts === 1)).toBe(true);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
    }
  }, 120_000);

  it('retries while the SMTP server is down and delivers when it is back', async () => {
    sink.options = {};
    const to = `outage-${Date.now()}@example.test`;
    const port = sink.port;
    await sink.stop();
    const emailId = await queuedEmail(to);
    const worker = startWorkerProcess({ SMTP_URL: `smtp://sink:secret@127.0.0.1:${port}` });
    try {
      await worker.ready;
      await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).lastError !== null);
      const failing = await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
      expect(failing.status).toBe('queued');
      expect(failing.lastError).toMatch(/ECONNREFUSED/);
      await sink.start(port);
      await sink.waitFor(() => sink.to(to).length === 1, 60_000);
      await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status === 'sent');
      const sent = await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
      expect(sent.attempts).toBeGreaterThanOrEqual(2);
      expect(sent.lastError).toBeNull();
    } finally {
      worker.child.kill('SIGKILL');
      if (sink.port !== port) await sink.start(port).catch(() => {});
    }
  }, 120_000);

  it('SIGTERM lets an in-flight job finish before the worker exits', async () => {
    sink.options = { delayMs: 2500 }; // the server takes its time accepting the message
    const to = `drain-${Date.now()}@example.test`;
    const emailId = await queuedEmail(to);
    const worker = startWorkerProcess({ SMTP_URL: sink.url, WORKER_DRAIN_SECONDS: '10' });
    try {
      await worker.ready;
      await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).attempts === 1);
      const stoppedAt = Date.now();
      worker.child.kill('SIGTERM');
      const code = await new Promise((r) => worker.child.once('exit', (c) => r(c)));
      expect(code).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(12_000);
      const row = await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
      expect([row.status, row.attempts]).toEqual(['sent', 1]);
      expect(sink.to(to)).toHaveLength(1);
      expect((await jobsOf('mail.send', emailId)).map((j) => j.state)).toEqual(['completed']);
    } finally {
      worker.child.kill('SIGKILL');
      sink.options = {};
    }
  }, 60_000);

  it('SIGTERM waits only WORKER_DRAIN_SECONDS for a stuck job, which goes back to the queue', async () => {
    sink.options = { stall: true };
    const to = `drain-bounded-${Date.now()}@example.test`;
    const emailId = await queuedEmail(to);
    const worker = startWorkerProcess({ SMTP_URL: sink.url, WORKER_DRAIN_SECONDS: '2' });
    try {
      await worker.ready;
      await until(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).attempts === 1);
      const stoppedAt = Date.now();
      worker.child.kill('SIGTERM');
      await new Promise((r) => worker.child.once('exit', r));
      expect(Date.now() - stoppedAt).toBeLessThan(8_000);
      // Not lost: the job is waiting to be retried, the message still queued.
      await until(async () => ['retry', 'created'].includes((await jobsOf('mail.send', emailId))[0]!.state));
      expect((await db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status).toBe('queued');
    } finally {
      worker.child.kill('SIGKILL');
      sink.options = {};
    }
  }, 60_000);

  it('refuses a payload that does not match its queue', async () => {
    await expect(db.$transaction((tx) => enqueue(tx, 'mail.send', { emailId: 'nope', organizationId: null }))).rejects.toThrow();
  });
});
