'use client';
// One side of a call's two-way audio/video: an RTCPeerConnection negotiated through the app's signalling (offer,
// answer and ICE candidates as call.signal realtime events). The dealer offers when the customer says it is ready;
// candidates that arrive before the remote description are held until it is set.
export type SignalKind = 'ready' | 'offer' | 'answer' | 'candidate' | 'hangup';
export type Signal = { kind: SignalKind; data?: Record<string, unknown> | null };

type Options = {
  role: 'dealer' | 'customer';
  iceServers: RTCIceServer[];
  local: MediaStream;
  send: (signal: Signal) => Promise<unknown>;
  onRemote: (stream: MediaStream) => void;
  onState: (state: RTCPeerConnectionState) => void;
};

export class CallPeer {
  private pc: RTCPeerConnection | null = null;
  private pending: RTCIceCandidateInit[] = [];
  private closed = false;

  constructor(private readonly opts: Options) {}

  /** A fresh connection: a renegotiation (the customer reloaded) starts over rather than patching the old one. */
  private connection(): RTCPeerConnection {
    this.pc?.close();
    this.pending = [];
    const pc = new RTCPeerConnection({ iceServers: this.opts.iceServers });
    for (const track of this.opts.local.getTracks()) pc.addTrack(track, this.opts.local);
    pc.onicecandidate = (e) => {
      if (e.candidate) void this.opts.send({ kind: 'candidate', data: e.candidate.toJSON() as Record<string, unknown> });
    };
    pc.ontrack = (e) => this.opts.onRemote(e.streams[0] ?? new MediaStream([e.track]));
    pc.onconnectionstatechange = () => this.opts.onState(pc.connectionState);
    this.pc = pc;
    return pc;
  }

  async handle(signal: Signal): Promise<void> {
    if (this.closed) return;
    if (signal.kind === 'ready' && this.opts.role === 'dealer') {
      const pc = this.connection();
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      await this.opts.send({ kind: 'offer', data: { type: offer.type, sdp: offer.sdp } });
    } else if (signal.kind === 'offer' && this.opts.role === 'customer') {
      const pc = this.connection();
      await pc.setRemoteDescription(signal.data as unknown as RTCSessionDescriptionInit);
      await this.flush();
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await this.opts.send({ kind: 'answer', data: { type: answer.type, sdp: answer.sdp } });
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
