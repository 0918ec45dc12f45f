// The frame the developer pages (/docs/api, /docs/api/console) share: Pitchcraft's header with the way back to the
// app, its colours and type, and the page's own content inside. Plain HTML and CSS: these pages load no app code.
import { escapeHtml } from './schema-html';

const LOGO = `<svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="#fff"><rect x="3" y="10" width="3" height="7" rx="1"/><rect x="8.5" y="6" width="3" height="11" rx="1"/><rect x="14" y="2.5" width="3" height="14.5" rx="1"/></svg>`;

const FRAME_STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
html{scroll-padding-top:72px}
body{margin:0;background:#fafafa;color:#18181b;font:15px/1.55 Inter,ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
a{color:#4338ca}
:focus-visible{outline:2px solid #6366f1;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:8px;z-index:50;background:#fff;padding:8px 12px;border-radius:6px;box-shadow:0 2px 8px rgb(0 0 0/.15)}
.skip:focus{left:12px}
.bar{position:sticky;top:0;z-index:20;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px 16px;padding:10px 20px;background:#fff;border-bottom:1px solid #e4e4e7}
.brand{display:flex;align-items:center;gap:10px;color:#18181b;text-decoration:none;font-weight:600;font-size:16px}
.tile{display:flex;align-items:center;justify-content:center;width:32px;height:32px;border-radius:8px;background:#4f39f6}
.brand .what{color:#52525b;font-weight:500;padding-left:10px;border-left:1px solid #d4d4d8}
.links{display:flex;flex-wrap:wrap;gap:8px}
.btn{display:inline-flex;align-items:center;height:36px;padding:0 12px;border-radius:8px;background:#fff;color:#27272a;font-size:14px;font-weight:500;text-decoration:none;box-shadow:inset 0 0 0 1px #d4d4d8}
.btn:hover{background:#f4f4f5}
.btn.primary{background:#4f39f6;color:#fff;box-shadow:none}
.btn.primary:hover{background:#432dd7}
main{max-width:1180px;margin:0 auto;padding:28px 16px 64px}
.eyebrow{margin:0;color:#4338ca;font-size:12px;font-weight:600;letter-spacing:.05em;text-transform:uppercase}
h1{margin:4px 0 6px;font-size:26px;line-height:1.25;letter-spacing:-.01em}
.lead{margin:0 0 24px;color:#52525b;max-width:75ch}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.86em;background:#f4f4f5;border-radius:4px;padding:1px 5px;overflow-wrap:anywhere}
pre{margin:0;background:#18181b;color:#f4f4f5;border-radius:8px;padding:12px 14px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12.5px;line-height:1.5}
pre code{background:none;padding:0;color:inherit}
@media (max-width:640px){.brand .what{display:none}.bar{position:static}main{padding-top:20px}}
`;

export function docsPage(opts: { title: string; description: string; head?: string; style?: string; links: Array<{ href: string; label: string; primary?: boolean }>; body: string; scripts?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(opts.title)} · Pitchcraft</title>
<meta name="description" content="${escapeHtml(opts.description)}" />
<meta name="theme-color" content="#4f39f6" />
<link rel="icon" href="/favicon.ico" sizes="48x48" />
<link rel="icon" href="/icon.svg" type="image/svg+xml" />
<link rel="apple-touch-icon" href="/apple-touch-icon.png" />
${opts.head ?? ''}
<style>${FRAME_STYLE}${opts.style ?? ''}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="bar">
  <a class="brand" href="/" aria-label="Pitchcraft home"><span class="tile">${LOGO}</span><span>Pitchcraft</span><span class="what">${escapeHtml(opts.title)}</span></a>
  <nav class="links" aria-label="Developer pages">${opts.links.map((l) => `<a class="btn${l.primary ? ' primary' : ''}" href="${l.href}">${escapeHtml(l.label)}</a>`).join('')}</nav>
</header>
<main id="main">
${opts.body}
</main>
${opts.scripts ?? ''}
</body>
</html>`;
}
