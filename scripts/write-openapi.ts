// `npm run openapi`: writes the generated OpenAPI document to docs/api/openapi.json (compared by a test).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../server/rest/openapi/document';

writeFileSync(new URL('../docs/api/openapi.json', import.meta.url), JSON.stringify(openApiDocument(), null, 2) + '\n');
console.log('wrote docs/api/openapi.json');
