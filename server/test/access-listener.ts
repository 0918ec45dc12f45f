// Another app instance's ear for access changes in tests: its own connection LISTENing on the access channel, as a
// second instance's realtime hub would, over the same database. Pass it as an AccessCache's `subscribe`.
import pg from 'pg';
import { ACCESS_CHANNEL, type AccessNotice } from '../realtime/access-changes';

const clients: pg.Client[] = [];

export async function ownAccessListener(handler: (notice: AccessNotice) => void): Promise<() => void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  clients.push(client);
  await client.connect();
  client.on('notification', (msg) => msg.channel === ACCESS_CHANNEL && msg.payload && handler(JSON.parse(msg.payload) as AccessNotice));
  await client.query(`LISTEN ${ACCESS_CHANNEL}`);
  return () => undefined;
}

/** Ends every listener opened by this test file (call in afterAll). */
export async function closeAccessListeners(): Promise<void> {
  await Promise.all(clients.splice(0).map((c) => c.end()));
}
