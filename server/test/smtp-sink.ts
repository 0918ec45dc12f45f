// A real SMTP server for tests (smtp-server), keeping every message it accepts parsed (mailparser). It can be stopped
// and started again on the same port, refuse mail with a 5xx, or hold a message mid-DATA to simulate a slow server.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SinkOptions = { rejectWith?: { code: number; message: string }; stall?: boolean; delayMs?: number };

export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** When each accepted message arrived (ms since the epoch), in acceptance order: pacing tests count from these. */
  readonly arrivals: number[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  options: SinkOptions = {};
  /** Connections seen (accepted or not), to tell that a client tried. */
  attempts = 0;

  get url() {
    return `smtp://sink:secret@127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect: (_session, callback) => {
        this.attempts++;
        callback();
      },
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
      onData: (stream, _session, callback) => {
        if (this.options.stall) {
          // Never answer: the client is left waiting mid-message (and gives up on its socket timeout or is killed).
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then(async (mail) => {
            if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
            if (this.options.rejectWith) {
              const error = Object.assign(new Error(this.options.rejectWith.message), { responseCode: this.options.rejectWith.code });
              return callback(error);
            }
            this.messages.push(mail);
            this.arrivals.push(Date.now());
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port || this.port, '127.0.0.1', () => resolve());
    });
    // A client killed mid-session (the crash tests SIGKILL workers) resets its connection: smtp-server reports that as an
    // 'error' event, which, left unheard, is an uncaught exception in the test process.
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === address)));
  }

  async waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline) throw new Error(`SMTP sink: condition not met within ${timeoutMs} ms (${this.messages.length} messages)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
