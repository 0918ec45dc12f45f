'use client';
// Camera and microphone for a running call and the peer connection to the other party: asks for the devices when
// the call starts, feeds signals in, and closes everything when the call ends or the page goes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CallPeer, type Signal } from './call-peer';

export function useCallMedia(opts: { role: 'dealer' | 'customer'; active: boolean; iceServers: RTCIceServer[] | undefined; send: (s: Signal) => Promise<unknown> }) {
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [state, setState] = useState<string>('Connecting video…');
  const [error, setError] = useState<string | null>(null);
  const peer = useRef<CallPeer | null>(null);
  const early = useRef<Signal[]>([]);
  const send = useRef(opts.send);
  send.current = opts.send;

  useEffect(() => {
    if (!opts.active || !opts.iceServers) return;
    let cancelled = false;
    (async () => {
      let media: MediaStream;
      try {
        // The customer shows the vehicle: the phone's back camera when there is one.
        media = await navigator.mediaDevices.getUserMedia({ audio: true, video: opts.role === 'customer' ? { facingMode: { ideal: 'environment' } } : true });
      } catch (e) {
        setError(e instanceof DOMException && e.name === 'NotAllowedError' ? 'Allow the camera and microphone to talk on video; the chat works without them.' : 'No camera or microphone could be opened; the chat works without them.');
        return;
      }
      if (cancelled) return media.getTracks().forEach((t) => t.stop());
      setLocal(media);
      const p = new CallPeer({
        role: opts.role,
        iceServers: opts.iceServers!,
        local: media,
        send: (s) => send.current(s),
        onRemote: setRemote,
        onState: (s) => setState(s === 'connected' ? 'Connected' : s === 'failed' ? 'The video connection failed' : s === 'disconnected' ? 'Reconnecting video…' : 'Connecting video…'),
      });
      peer.current = p;
      try {
        for (const s of early.current.splice(0)) await p.handle(s);
        // The customer tells the dealer it can receive an offer (again after a reload); the dealer asks the customer
        // to say so again, in case that came before this call room was listening (see CallPeer).
        await p.ready();
      } catch {
        // Signalling, not the devices, failed (the server could not be reached even after retries).
        if (!cancelled) setState('The video connection failed');
      }
    })();
    return () => {
      cancelled = true;
      peer.current?.close();
      peer.current = null;
      setLocal(null);
      setRemote(null);
    };
  }, [opts.active, opts.iceServers, opts.role]);

  const handle = useCallback((s: Signal) => {
    if (peer.current) void peer.current.handle(s).catch(() => setState('The video connection failed'));
    else early.current.push(s);
  }, []);

  return { local, remote, state, error, handle };
}
