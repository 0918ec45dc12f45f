// A local speech-to-text server speaking the OpenAI-compatible `POST /v1/audio/transcriptions` protocol (multipart in,
// verbose_json out), for tests: it records what it was sent and can answer 500, refuse 400 or hang.
import http from 'node:http';
import busboy from 'busboy';

export type SttRequest = { authorization: string | null; fields: Record<string, string[]>; file: { filename: string; contentType: string; bytes: Buffer } | null };
export type SttMode = 'ok' | 'error500' | 'hang' | 'refuse400' | 'silence';

export class SttServer {
  readonly requests: SttRequest[] = [];
  mode: SttMode = 'ok';
  /** The words a successful answer carries (verbose_json `words`). */
  words: { word: string; start: number; end: number }[] = [];
  private server: http.Server | null = null;
  private hanging: http.ServerResponse[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') return void res.writeHead(404).end();
    const record: SttRequest = { authorization: req.headers.authorization ?? null, fields: {}, file: null };
    const parser = busboy({ headers: req.headers });
    parser.on('field', (name, value) => (record.fields[name] ??= []).push(value));
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (record.file = { filename: info.filename ?? '', contentType: info.mimeType ?? '', bytes: Buffer.concat(chunks) }));
    });
    parser.on('close', () => {
      this.requests.push(record);
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      switch (this.mode) {
        case 'hang':
          this.hanging.push(res);
          return;
        case 'error500':
          return json(500, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
        case 'refuse400':
          return json(400, { error: { message: 'Invalid file format.', type: 'invalid_request_error' } });
        case 'silence':
          return json(200, { task: 'transcribe', language: 'english', duration: 3, text: '', words: [], segments: [] });
        default:
          return json(200, {
            task: 'transcribe',
            language: 'english',
            duration: this.words.at(-1)?.end ?? 0,
            text: this.words.map((w) => w.word).join(' '),
            words: this.words,
            segments: [{ id: 0, start: 0, end: this.words.at(-1)?.end ?? 0, text: this.words.map((w) => w.word).join(' '), avg_logprob: -0.2 }],
          });
      }
    });
    req.pipe(parser);
  }
}
