// The frame every email shares: a plain, accessible HTML body and its text twin, with values escaped.
import escapeHtml from 'escape-html';

export type RenderedEmail = { subject: string; html: string; text: string };

/** HTML with every interpolated value escaped; wrap trusted fragments in `trusted()` to insert them as they are. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => {
    if (i === 0) return s;
    const value = values[i - 1];
    const rendered = value instanceof Trusted ? value.html : escapeHtml(String(value ?? ''));
    return out + rendered + s;
  }, '');
}

class Trusted {
  constructor(readonly html: string) {}
}
export const trusted = (fragment: string) => new Trusted(fragment);

export function layout(opts: { subject: string; heading: string; paragraphs: string[]; action?: { label: string; url: string }; footer: string }): RenderedEmail {
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${opts.subject}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:32px">
<p style="margin:0 0 24px;font-weight:700;font-size:18px;color:#4f46e5">Pitchcraft</p>
<h1 style="margin:0 0 16px;font-size:20px">${opts.heading}</h1>
${trusted(opts.paragraphs.map((p) => html`<p style="margin:0 0 16px;line-height:1.5">${p}</p>`).join('\n'))}
${trusted(opts.action ? html`<p style="margin:24px 0"><a href="${opts.action.url}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${opts.action.label}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b;word-break:break-all">Or paste this link into your browser: ${opts.action.url}</p>` : '')}
<p style="margin:24px 0 0;font-size:13px;color:#52525b">${opts.footer}</p>
</div></body></html>`;
  const text = [
    opts.heading,
    '',
    ...opts.paragraphs.flatMap((p) => [p, '']),
    ...(opts.action ? [`${opts.action.label}: ${opts.action.url}`, ''] : []),
    opts.footer,
  ].join('\n');
  return { subject: opts.subject, html: body, text };
}
