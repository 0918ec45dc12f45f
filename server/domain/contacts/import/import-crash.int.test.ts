// Crashes lose nothing: a 60,000-row import (six job batches) whose worker process is SIGKILLed twice mid-way, and started again each
// time, ends with every row present exactly once, in the group, and a complete report.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../../db';
import { stopJobBoss } from '../../../jobs/boss';
import { api } from '../../../test/api-client';
import { contactsCsv } from '../../../test/contacts-csv';
import { newTenant } from '../../../test/factories';

const root = path.resolve(import.meta.dirname, '../../../..');
const ROWS = 60_000;
const children: ChildProcess[] = [];

function startWorkerProcess() {
  // node --import tsx, not the tsx wrapper: SIGKILL must hit the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts', '--queues', 'contacts.import'], {
    cwd: root,
    env: { ...process.env, JOB_MONITOR_SECONDS: '1', JOB_HEARTBEAT_SECONDS: '10' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

const progress = async (importId: string) => (await db.contactImport.findUniqueOrThrow({ where: { id: importId } }));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 360_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await stopJobBoss(1000);
});

describe('a contact import survives its worker being killed', () => {
  it('SIGKILLed twice mid-way: every row present once and the report complete', async () => {
    const t = await newTenant('import-crash');
    const group = await api('POST', '/groups', { headers: t.keyHeaders, json: { name: 'Crash test' } });
    const bad = new Map([[27_777, 'No phone,,,'], [45_000, ',,,,']]);
    const file = contactsCsv({ rows: ROWS, offset: 1_000_000, bad });
    const res = await api('POST', `/groups/${group.body.id}/csv`, { headers: t.keyHeaders, body: file, contentType: 'text/csv' });
    expect(res.status, res.text).toBe(202);
    const { importId } = res.body;

    let stop = 0;
    for (const killAt of [15_000, 35_000]) {
      const worker = startWorkerProcess();
      const seen = await until(() => progress(importId), (p) => p.recordsDone >= killAt, `${killAt} rows`);
      worker.child.kill('SIGKILL');
      await new Promise((r) => worker.child.once('exit', r));
      expect(seen.status, worker.output()).toBe('running');
      // Killed mid-way, not after the end.
      expect(seen.recordsDone).toBeLessThan(ROWS);
      expect(seen.recordsDone).toBeGreaterThan(stop);
      stop = seen.recordsDone;
    }
    const last = startWorkerProcess();
    const done = await until(() => progress(importId), (p) => p.status === 'completed' || p.status === 'failed', 'the import to finish');
    last.child.kill('SIGTERM');
    expect(done.status, last.output()).toBe('completed');

    const report = await api('GET', `/imports/${importId}`, { headers: t.keyHeaders });
    expect(report.body).toMatchObject({ progress: { rowsDone: ROWS, percent: 100 }, report: { imported: ROWS - 2, updated: 0, skipped: 1, errorCount: 1, errors: [{ line: 27_779 }] } });
    const [counts] = await db.$queryRaw<[{ contacts: number; phones: number; members: number }]>`
      SELECT count(*)::int AS contacts, count(DISTINCT phone)::int AS phones,
        (SELECT count(*)::int FROM "ContactGroupMember" WHERE "groupId" = ${group.body.id}::uuid) AS members
      FROM "Contact" WHERE "organizationId" = ${t.organizationId}::uuid`;
    expect(counts).toEqual({ contacts: ROWS - 2, phones: ROWS - 2, members: ROWS - 2 });
    expect(await db.contactImportError.count({ where: { importId } })).toBe(1);
  }, 900_000);
});
