// The HTML of /docs/api: how to authenticate and the API's conventions first, then every operation and schema, all
// rendered here from the OpenAPI document (no script to download or run, so it shows at once, and reads well on a
// phone and with a screen reader). The conventions are the document's own description, so the two never disagree.
import { openApiDocument } from '../openapi/document';
import { docsPage } from './docs-frame';
import { referenceBodyHtml, referenceNavHtml, type OpenApiLike } from './operations-html';
import { escapeHtml } from './schema-html';

/** The little markdown the document's description uses: **bold** and `code`, on escaped text. */
const inline = (s: string) =>
  escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');

const conventions = (description: string) =>
  `<ul>${description
    .split('\n')
    .filter((line) => line.startsWith('- ') && !line.startsWith('- **Authentication**'))
    .map((line) => `<li>${inline(line.slice(2))}</li>`)
    .join('')}</ul>`;

const STYLE = `
.layout{display:grid;gap:28px;grid-template-columns:minmax(0,1fr)}
@media (min-width:1024px){.layout{grid-template-columns:240px minmax(0,1fr)}.toc{position:sticky;top:72px;max-height:calc(100dvh - 90px);overflow-y:auto}}
.toc{font-size:14px}
.toc details{background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:10px 14px}
.toc summary{cursor:pointer;font-weight:600}
.toc ul{list-style:none;margin:0;padding:0}
.toc ul ul{margin:4px 0 10px;padding-left:2px}
.toc li a{display:flex;align-items:center;gap:6px;padding:3px 0;color:#3f3f46;text-decoration:none}
.toc li a:hover{color:#18181b;text-decoration:underline}
.toc>details>ul{margin-top:8px}
.card{background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:20px 24px;margin-bottom:20px}
.card h2{margin:0 0 4px;font-size:17px}
.card>p{margin:0 0 14px;color:#52525b}
.card ul{margin:0;padding-left:20px;color:#3f3f46;font-size:14px}
.card li+li{margin-top:6px}
.ways{display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr))}
.way{border:1px solid #e4e4e7;border-radius:10px;padding:14px 16px;min-width:0}
.way h3{margin:0 0 4px;font-size:15px}
.way p{margin:0 0 10px;color:#3f3f46;font-size:14px}
.tag>h2{margin:32px 0 12px;font-size:20px}
.operation,.schema{background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:16px 20px;margin-bottom:14px;min-width:0}
.op-head{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
.path{font-size:14px;background:none;padding:0;font-weight:600;color:#18181b}
.operation h3{margin:6px 0 2px;font-size:15px}
.schema h3{margin:0 0 6px;font-size:15px}
.desc{margin:0;color:#52525b;font-size:14px}
.operation h4{margin:14px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#52525b}
.operation p{margin:0 0 6px;font-size:14px}
.method{display:inline-block;min-width:52px;text-align:center;border-radius:6px;padding:1px 6px;font:600 11px/18px ui-monospace,Menlo,monospace;color:#fff}
.m-get{background:#1d4ed8}.m-post{background:#15803d}.m-put{background:#b45309}.m-patch{background:#0f766e}.m-delete{background:#b91c1c}
.public{font-size:12px;font-weight:600;color:#166534;background:#dcfce7;border-radius:999px;padding:1px 8px}
.req{font-size:11px;font-weight:600;color:#9a3412;background:#ffedd5;border-radius:999px;padding:0 6px}
.fields{list-style:none;margin:0;padding:0;border-top:1px solid #f4f4f5}
.fields li{padding:8px 0;border-bottom:1px solid #f4f4f5;font-size:14px}
.fields .fields{margin:6px 0 0 16px;border-top:0}
.fields .fields li:last-child{border-bottom:0}
.field{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px}
.field .name{font-weight:600;color:#18181b;background:none;padding:0}
.field .type{color:#52525b;font-size:13px}
.fields p{margin:2px 0 0;color:#3f3f46}
.fields .notes{color:#52525b;font-size:13px}
.responses{list-style:none;margin:0;padding:0;font-size:14px}
.responses li{padding:3px 0}
.status{display:inline-block;min-width:38px;font:600 12px ui-monospace,Menlo,monospace;border-radius:4px;padding:0 4px;text-align:center}
.status.ok{background:#dcfce7;color:#166534}.status.err{background:#f4f4f5;color:#3f3f46}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #f4f4f5;vertical-align:top}
th{font-size:12px;color:#52525b;font-weight:600}
`;

let cached: string | undefined;

export function apiReferencePage(): string {
  if (cached) return cached;
  const doc = openApiDocument();
  const spec = doc as unknown as OpenApiLike;
  cached = docsPage({
    title: 'API reference',
    description: 'How to authenticate with the Pitchcraft REST API, its conventions and every operation.',
    style: STYLE,
    links: [
      { href: '/docs/api/console', label: 'Try it in the browser' },
      { href: '/', label: '← Back to Pitchcraft', primary: true },
    ],
    body: `<p class="eyebrow">Developers</p>
<h1>${escapeHtml(doc.info.title)}</h1>
<p class="lead">Connect your CRM, dialer or scripts to Pitchcraft. Every request goes to <code>/api/v1</code> on this server and speaks JSON. The machine-readable description is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<div class="layout">
<nav class="toc" aria-label="Contents"><details open id="contents"><summary>Contents</summary><ul><li><a href="#authentication">Authentication</a></li><li><a href="#conventions">Conventions</a></li></ul>${referenceNavHtml(spec)}</details></nav>
<script>/* On a narrow screen the contents start folded, so authentication is the first thing read. */ if (matchMedia('(max-width: 1023px)').matches) document.getElementById('contents').open = false;</script>
<div>
<section class="card" aria-labelledby="authentication">
  <h2 id="authentication">Authentication</h2>
  <p>Every operation except those marked <strong>public</strong> needs one of these two credentials.</p>
  <div class="ways">
    <div class="way">
      <h3>An API key, for a system</h3>
      <p>An owner or admin creates one in the app under <strong>Settings → API keys</strong> and chooses its scopes. It acts for that organization only and is shown once: keep it secret. Send it as <code>X-Api-Key</code> (or <code>Authorization: Bearer pk_…</code>).</p>
      <pre><code>curl https://your-pitchcraft/api/v1/organizations \\
  -H "X-Api-Key: pk_…"</code></pre>
    </div>
    <div class="way">
      <h3>An access token, for a person</h3>
      <p>Exchange an email (or username) and password at <code>POST /auth/token</code> for a short-lived <code>access</code> token and a <code>refresh</code> token; renew with <code>POST /auth/token/refresh</code>. <code>X-Organization-Id</code> picks another of the person's organizations.</p>
      <pre><code>curl -X POST https://your-pitchcraft/api/v1/auth/token \\
  -H "Content-Type: application/json" \\
  -d '{"email":"you@company.com","password":"…"}'
# then send: Authorization: Bearer &lt;access&gt;</code></pre>
    </div>
  </div>
</section>
<section class="card" aria-labelledby="conventions">
  <h2 id="conventions">Conventions</h2>
  ${conventions(doc.info.description ?? '')}
</section>
${referenceBodyHtml(spec)}
</div>
</div>`,
  });
  return cached;
}
