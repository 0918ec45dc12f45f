// One HTTP/1.1 request over a bare socket, for answers a fetch client hides: a body the server refuses part-way (the
// client keeps sending while the answer arrives), a URL or head Node's parser refuses, a connection that never answers.
import net from 'node:net';

export type RawAnswer = { status: number; headers: Record<string, string>; text: string; ms: number };

/**
 * Sends `head` and then `bodyBytes` (of `fill`, starting with `first`) and resolves with the first complete answer;
 * rejects if none arrives within `timeoutMs`. Sending stops as soon as the answer is complete or the socket closes.
 */
export function rawRequest(opts: { port: number; head: string; bodyBytes?: number; first?: Uint8Array; timeoutMs?: number }): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(opts.port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let settled = false;
    const finish = (error: Error | null, answer?: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(answer!);
    };
    const timer = setTimeout(() => finish(new Error(`no answer within ${opts.timeoutMs ?? 5000} ms`)), opts.timeoutMs ?? 5000);
    const tryParse = () => {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      let body = buffer.subarray(end + 4);
      if (headers['transfer-encoding'] === 'chunked') {
        const parts: Buffer[] = [];
        let at = 0;
        for (;;) {
          const lineEnd = body.indexOf('\r\n', at);
          if (lineEnd < 0) return;
          const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
          if (body.length < lineEnd + 2 + size + 2) return;
          parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
          at = lineEnd + 2 + size + 2;
          if (size === 0) break;
        }
        body = Buffer.concat(parts);
      } else if (headers['content-length'] !== undefined) {
        if (body.length < Number(headers['content-length'])) return;
        body = body.subarray(0, Number(headers['content-length']));
      } else if (!socket.readableEnded) return;
      finish(null, { status: Number(statusLine!.split(' ')[1]), headers, text: body.toString('utf8'), ms: Date.now() - started });
    };
    socket.on('data', (d) => {
      buffer = Buffer.concat([buffer, d]);
      tryParse();
    });
    socket.on('end', () => {
      tryParse();
      finish(new Error(`connection closed without a complete answer (${buffer.length} bytes: ${buffer.subarray(0, 80).toString('latin1')})`));
    });
    socket.on('error', (e) => {
      tryParse();
      finish(new Error(`connection failed: ${e.message}`));
    });
    socket.on('connect', async () => {
      socket.write(opts.head);
      const total = opts.bodyBytes ?? 0;
      const chunk = 64 * 1024;
      for (let sent = 0; sent < total && !settled && !socket.destroyed; sent += chunk) {
        const piece = Buffer.alloc(Math.min(chunk, total - sent), 0x61);
        if (sent === 0 && opts.first) Buffer.from(opts.first).copy(piece);
        if (!socket.write(piece)) await new Promise((r) => (socket.once('drain', r), setTimeout(r, 200)));
      }
    });
  });
}
