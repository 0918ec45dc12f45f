'use client';
// The two videos of a call: the other party large, yourself small (muted, so you do not hear yourself).
import { useEffect, useRef } from 'react';

function Video({ stream, muted, label, className, testId }: { stream: MediaStream | null; muted?: boolean; label: string; className: string; testId: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} data-testid={testId} aria-label={label} autoPlay playsInline muted={muted} className={className} />;
}

export function VideoPanel({ local, remote, remoteLabel, state }: { local: MediaStream | null; remote: MediaStream | null; remoteLabel: string; state: string }) {
  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-xl bg-zinc-900">
      <Video stream={remote} label={remoteLabel} testId="remote-video" className="size-full object-cover" />
      {!remote && <p className="absolute inset-0 flex items-center justify-center text-sm text-zinc-300">{state}</p>}
      <div className="absolute right-3 bottom-3 w-1/4 min-w-20 overflow-hidden rounded-lg ring-2 ring-white/70">
        <Video stream={local} muted label="Your camera" testId="local-video" className="aspect-video w-full bg-zinc-800 object-cover" />
      </div>
    </div>
  );
}
