'use client';
// One side of a call's two-way audio/video: an RTCPeerConnection negotiated through the app's signalling (offer,
// answer and ICE candidates as call.signal realtime events). The dealer offers when the customer says it is ready;
// candidates that arrive before the remote description are held until it is set. A realtime event reaches only
// listeners already there, so the customer's one "ready" is lost when the dealer's call room mounts after it (a slow
// console, a dealer who reloads or comes back): the dealer says "ready" too once set up, the customer answers with
// its own, and each customer page's ready carries its id so the same page is offered to once, not renegotiated.
export type SignalKind = 'ready' | 'offer' | 'answer' | 'candidate' | 'hangup' | 'media';
export type Signal = { kind: SignalKind; data?: Record<string, unknown> | null };

type Options = {
  role: 'dealer' | 'customer';
  iceServers: RTCIceServer[];
  local: MediaStream;
  send: (signal: Signal) => Promise<unknown>;
  onRemote: (stream: MediaStream) => void;
  onState: (state: RTCPeerConnectionState) => void;
};

const SEND_ATTEMPTS = 3;

export class CallPeer {
  private pc: RTCPeerConnection | null = null;
  private pending: RTCIceCandidateInit[] = [];
  private closed = false;
  private outbox: Promise<unknown> = Promise.resolve();
  /** The customer's page: this side's id; the dealer's: the id of the page it made its connection for. */
  private page: string | null;

  constructor(private readonly opts: Options) {
    // Tells this page from the same customer's next one (a reload); not a secret, so no secure context is needed.
    this.page = opts.role === 'customer' ? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` : null;
  }

  /** Says this side is set up: the customer asks for an offer; the dealer asks a customer already waiting to say so again. */
  ready(): Promise<void> {
    return this.send({ kind: 'ready', data: this.opts.role === 'customer' ? { page: this.page } : null });
  }

  /**
   * Sends a signal after the ones before it, trying again a moment later when it fails: a busy server that drops one
   * leaves the video unconnected (a lost offer or answer) or without a route (a lost candidate). One at a time keeps
   * them in order and keeps a burst of ICE candidates from taking a database transaction each all at once. Rejects
   * once it gave up.
   */
  private send(signal: Signal): Promise<void> {
    const sent = this.outbox.then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.opts.send(signal);
          return;
        } catch (error) {
          if (this.closed || attempt >= SEND_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    });
    this.outbox = sent.catch(() => undefined);
    return sent;
  }

  /** A fresh connection: a renegotiation (the customer reloaded) starts over rather than patching the old one. */
  private connection(): RTCPeerConnection {
    this.pc?.close();
    this.pending = [];
    const pc = new RTCPeerConnection({ iceServers: this.opts.iceServers });
    for (const track of this.opts.local.getTracks()) pc.addTrack(track, this.opts.local);
    pc.onicecandidate = (e) => {
      // A candidate that could not be delivered is one route fewer, not a failure: the connection state says if none worked.
      if (e.candidate) void this.send({ kind: 'candidate', data: e.candidate.toJSON() as Record<string, unknown> }).catch(() => undefined);
    };
    pc.ontrack = (e) => this.opts.onRemote(e.streams[0] ?? new MediaStream([e.track]));
    pc.onconnectionstatechange = () => this.opts.onState(pc.connectionState);
    this.pc = pc;
    return pc;
  }

  async handle(signal: Signal): Promise<void> {
    if (this.closed) return;
    if (signal.kind === 'ready' && this.opts.role === 'customer') {
      await this.ready();
    } else if (signal.kind === 'ready' && this.opts.role === 'dealer') {
      const page = typeof signal.data?.page === 'string' ? signal.data.page : null;
      // The same page saying it again (it answered our own ready too): the connection made for it stands.
      if (page && page === this.page && this.pc) return;
      this.page = page;
      const pc = this.connection();
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      await this.send({ kind: 'offer', data: { type: offer.type, sdp: offer.sdp } });
    } else if (signal.kind === 'offer' && this.opts.role === 'customer') {
      const pc = this.connection();
      await pc.setRemoteDescription(signal.data as unknown as RTCSessionDescriptionInit);
      await this.flush();
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await this.send({ kind: 'answer', data: { type: answer.type, sdp: answer.sdp } });
    } else if (signal.kind === 'answer' && this.opts.role === 'dealer' && this.pc) {
      await this.pc.setRemoteDescription(signal.data as unknown as RTCSessionDescriptionInit);
      await this.flush();
    } else if (signal.kind === 'candidate' && signal.data) {
      if (this.pc?.remoteDescription) await this.pc.addIceCandidate(signal.data as RTCIceCandidateInit);
      else this.pending.push(signal.data as RTCIceCandidateInit);
    } else if (signal.kind === 'hangup') {
      this.pc?.close();
      this.pc = null;
    }
  }

  private async flush() {
    const queued = this.pending;
    this.pending = [];
    for (const c of queued) await this.pc?.addIceCandidate(c);
  }

  close() {
    this.closed = true;
    this.pc?.close();
    this.pc = null;
    for (const track of this.opts.local.getTracks()) track.stop();
  }
}
