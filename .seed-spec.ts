import { seedLongTextSpecimens } from './e2e/fixtures/long-text-specimens';
const s = await seedLongTextSpecimens('http://127.0.0.1:3012');
console.log(JSON.stringify(s));
