'use client';
// The two videos of a call: the other party large, yourself small (muted, so you do not hear yourself), with this
// side's microphone and camera switches, and what the other side switched off said over their picture.
import { useEffect, useRef } from 'react';
import { cx } from '@/components/ui/cx';

function Video({ stream, muted, label, className, testId }: { stream: MediaStream | null; muted?: boolean; label: string; className: string; testId: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} data-testid={testId} aria-label={label} autoPlay playsInline muted={muted} className={className} />;
}

type Switches = { audio: boolean; video: boolean };

export function VideoPanel(props: {
  local: MediaStream | null;
  remote: MediaStream | null;
  remoteLabel: string;
  /** Who the other side is, in a few words ("The dealer", "The customer"). */
  remoteName: string;
  state: string;
  mine: Switches;
  theirs: Switches;
  onToggleMicrophone: () => void;
  onToggleCamera: () => void;
}) {
  const { local, remote, mine, theirs } = props;
  return (
    <div className="space-y-2">
      <div className="relative aspect-video w-full overflow-hidden rounded-xl bg-zinc-900">
        <Video stream={remote} label={props.remoteLabel} testId="remote-video" className={cx('size-full object-cover', !theirs.video && 'invisible')} />
        {!remote && <p className="absolute inset-0 flex items-center justify-center text-sm text-zinc-300">{props.state}</p>}
        {remote && !theirs.video && <p className="absolute inset-0 flex items-center justify-center px-4 text-center text-sm text-zinc-200">{props.remoteName} turned their camera off</p>}
        {remote && !theirs.audio && (
          <p role="status" className="absolute top-3 left-3 rounded-md bg-zinc-900/80 px-2 py-1 text-xs font-medium text-white">
            {props.remoteName} is muted
          </p>
        )}
        <div className="absolute right-3 bottom-3 w-1/4 min-w-20 overflow-hidden rounded-lg ring-2 ring-white/70">
          <Video stream={local} muted label="Your camera" testId="local-video" className={cx('aspect-video w-full bg-zinc-800 object-cover', !mine.video && 'invisible')} />
          {local && !mine.video && <p className="absolute inset-0 flex items-center justify-center bg-zinc-800 text-[10px] text-zinc-300">Camera off</p>}
        </div>
      </div>
      {local && (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Your microphone and camera">
          <button
            type="button"
            aria-pressed={!mine.audio}
            onClick={props.onToggleMicrophone}
            className={cx('inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium ring-1 ring-inset', mine.audio ? 'bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50' : 'bg-red-600 text-white ring-red-600')}
          >
            {mine.audio ? 'Mute' : 'Unmute'}
          </button>
          <button
            type="button"
            aria-pressed={!mine.video}
            onClick={props.onToggleCamera}
            className={cx('inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium ring-1 ring-inset', mine.video ? 'bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50' : 'bg-red-600 text-white ring-red-600')}
          >
            {mine.video ? 'Turn camera off' : 'Turn camera on'}
          </button>
        </div>
      )}
    </div>
  );
}
