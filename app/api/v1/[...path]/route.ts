import { AppError } from '@/server/errors';
import { withApi } from '@/server/rest/with-api';

// GET/POST/PUT/PATCH/DELETE/OPTIONS /api/v1/{unknown} – a problem+json 404 instead of the site's HTML page for a mistyped path
const unknownPath = withApi<'public', { path: string[] }>({ access: 'public', acceptsBody: false }, async ({ url }) => {
  throw new AppError('not_found', { message: `No API operation at ${url.pathname}; see /api/v1/openapi.json` });
});
export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE, unknownPath as OPTIONS };
