// Starts a fresh test database with the demo data (as `npm start` seeds it) and the production build on E2E_PORT, and
// mints an API key for the api project.
import { seed } from '../prisma/seed';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { E2E_PORT } from '../playwright.config';
import { OPEN_BUDGETS, startAppServer } from './fixtures/app-server';
import { startMailSink } from './fixtures/mail-sink';
import { bootstrapTenant } from './fixtures/tenant';

export default async function globalSetup() {
  const databaseUrl = await prepareTestDatabase('pitchcraft_e2e');
  await seed(databaseUrl);
  // Real mail: the app's worker delivers over SMTP to a server the specs can read.
  const mail = await startMailSink();
  process.env.E2E_MAIL_URL = mail.httpUrl;
  process.env.E2E_SMTP_URL = mail.smtpUrl;
  // PROVIDER_ALLOW_PRIVATE_HOSTS: the transmission journey connects an SMTP provider to that local server.
  // DEV_PAGES: the development pages (/dev/mail, /dev/sink, loopback only) open with SMTP_URL set too, for the crawl.
  const server = await startAppServer({ port: E2E_PORT, databaseUrl, env: { ...OPEN_BUDGETS, SMTP_URL: mail.smtpUrl, PROVIDER_ALLOW_PRIVATE_HOSTS: 'true', DEV_PAGES: 'true' } });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATABASE_URL = databaseUrl;
  const tenant = await bootstrapTenant(server.url, 'primary');
  process.env.E2E_API_KEY = tenant.apiKey;
  process.env.E2E_ORG_ID = tenant.organizationId;

  return async () => {
    await server.stop();
    await mail.stop();
    await stopTestDatabase();
  };
}
