// `npm run db:seed`: seeds the database named by DATABASE_URL.
import { seed } from './seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(1);
}
const login = await seed(url);
console.log(`Demo login: ${login.email} / ${login.password}`);
