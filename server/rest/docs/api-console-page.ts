// The HTML of /docs/api/console: Swagger UI in Pitchcraft's frame, for sending real requests from the browser with
// a key or token. It is fed the OpenAPI document embedded in the page (no second round trip).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { openApiDocument } from '../openapi/document';
import { docsPage } from './docs-frame';

// Swagger UI inside the frame: our header replaces its info block; one server needs no picker (an unlabeled select);
// its pale greys are darkened to meet WCAG AA contrast.
const STYLE = `
.swagger-ui .information-container,.swagger-ui .scheme-container .servers-title,.swagger-ui .scheme-container .servers{display:none}
.swagger-ui .wrapper{max-width:none;padding:0}
.swagger-ui .scheme-container{background:none;box-shadow:none;margin:0;padding:8px 0 16px}
.swagger-ui,.swagger-ui .opblock-tag,.swagger-ui .opblock .opblock-summary-description,.swagger-ui .opblock .opblock-summary-path,.swagger-ui .opblock-description-wrapper p,.swagger-ui table thead tr th,.swagger-ui .parameter__name,.swagger-ui .response-col_status,.swagger-ui .model-title,.swagger-ui section.models h4{color:#27272a}
.swagger-ui .opblock-tag small,.swagger-ui .parameter__in,.swagger-ui .prop-format,.swagger-ui .renderedMarkdown p{color:#52525b}
.swagger-ui .opblock.opblock-post .opblock-summary-method{background:#15803d}
.swagger-ui .opblock.opblock-get .opblock-summary-method{background:#1d4ed8}
.swagger-ui .opblock.opblock-put .opblock-summary-method{background:#b45309}
.swagger-ui .opblock.opblock-patch .opblock-summary-method{background:#0f766e}
.swagger-ui .opblock.opblock-delete .opblock-summary-method{background:#b91c1c}
.swagger-ui .btn.authorize{color:#15803d;border-color:#15803d}
.swagger-ui .btn.authorize svg{fill:#15803d}
`;

let cached: string | undefined;

export function apiConsolePage(): string {
  if (cached) return cached;
  const version = (JSON.parse(readFileSync(path.join(getAbsoluteFSPath(), 'package.json'), 'utf8')) as { version: string }).version;
  const asset = (file: string) => `/docs/api/assets/${file}?v=${encodeURIComponent(version)}`;
  // Embedded as JSON text; "<" is escaped so no string in the document can close the script element.
  const embedded = JSON.stringify(openApiDocument()).replace(/</g, '\\u003c');
  cached = docsPage({
    title: 'API console',
    description: 'Send requests to the Pitchcraft REST API from the browser.',
    head: `<link rel="preload" href="${asset('swagger-ui-bundle.js')}" as="script" />\n<link rel="stylesheet" href="${asset('swagger-ui.css')}" />`,
    style: STYLE,
    links: [
      { href: '/docs/api', label: 'API reference' },
      { href: '/', label: '← Back to Pitchcraft', primary: true },
    ],
    body: `<p class="eyebrow">Developers</p>
<h1>API console</h1>
<p class="lead">Send real requests to this server. Choose <strong>Authorize</strong> and paste an API key (or an access token) first: requests act on your organization's real data. How to get a key is in the <a href="/docs/api#authentication">API reference</a>.</p>
<div id="swagger-ui"><p class="lead">Loading the console…</p></div>
<script id="openapi-document" type="application/json">${embedded}</script>`,
    scripts: `<script src="${asset('swagger-ui-bundle.js')}" defer></script>\n<script src="${asset('init.js')}" defer></script>`,
  });
  return cached;
}
