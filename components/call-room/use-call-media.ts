'use client';
// Camera and microphone for a running call and the peer connection to the other party: asks for the devices when
// the call starts, feeds signals in, and closes everything when the call ends or the page goes away. Either side can
// mute its microphone or turn its camera off (the tracks keep flowing, disabled, so nothing is renegotiated); the
// other side is told through a `media` signal, again whenever the connection (re)connects.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CallPeer, type Signal } from './call-peer';

export function useCallMedia(opts: { role: 'dealer' | 'customer'; active: boolean; iceServers: RTCIceServer[] | undefined; send: (s: Signal) => Promise<unknown> }) {
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [state, setState] = useState<string>('Connecting video…');
  const [error, setError] = useState<string | null>(null);
  const [mine, setMine] = useState({ audio: true, video: true });
  const [theirs, setTheirs] = useState({ audio: true, video: true });
  const mineRef = useRef(mine);
  mineRef.current = mine;
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
        onState: (s) => {
          setState(s === 'connected' ? 'Connected' : s === 'failed' ? 'The video connection failed' : s === 'disconnected' ? 'Reconnecting video…' : 'Connecting video…');
          // A side that joined (or came back) late learns whether this one is muted or off camera.
          if (s === 'connected' && (!mineRef.current.audio || !mineRef.current.video)) void send.current({ kind: 'media', data: mineRef.current }).catch(() => undefined);
        },
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
      setTheirs({ audio: true, video: true });
    };
  }, [opts.active, opts.iceServers, opts.role]);

  // Muting disables this side's tracks (a new stream, e.g. after a reload, starts as chosen).
  useEffect(() => {
    local?.getAudioTracks().forEach((t) => (t.enabled = mine.audio));
    local?.getVideoTracks().forEach((t) => (t.enabled = mine.video));
  }, [local, mine]);

  const toggle = useCallback((kind: 'audio' | 'video') => {
    const next = { ...mineRef.current, [kind]: !mineRef.current[kind] };
    setMine(next);
    void send.current({ kind: 'media', data: next }).catch(() => undefined);
  }, []);

  const handle = useCallback((s: Signal) => {
    if (s.kind === 'media') {
      setTheirs({ audio: s.data?.audio !== false, video: s.data?.video !== false });
      return;
    }
    if (peer.current) void peer.current.handle(s).catch(() => setState('The video connection failed'));
    else early.current.push(s);
  }, []);

  return { local, remote, state, error, handle, mine, theirs, toggleMicrophone: () => toggle('audio'), toggleCamera: () => toggle('video') };
}
