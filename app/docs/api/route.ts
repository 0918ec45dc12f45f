// GET /docs/api – the interactive API reference (Swagger UI), its assets served by this app so it works offline.
import { DOCS_CONTENT_SECURITY_POLICY } from '@/server/content-security-policy';
import { otherMethods } from '@/server/rest/other-methods';

export const dynamic = 'force-static';

const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Pitchcraft API reference</title>
  <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css" />
  <style>body{margin:0} .topbar{display:none}</style>
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/api/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/api/assets/init.js"></script>
</body>
</html>`;

export function GET() {
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DOCS_CONTENT_SECURITY_POLICY } });
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
