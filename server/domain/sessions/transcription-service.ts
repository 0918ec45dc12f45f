// Whether recordings are transcribed on this server, so the recorder can say before anyone records what a recording
// without typed words will get (and what an administrator sets to change that).
import { requirePermission, type Ctx } from '../../context';
import { sttSettings } from '../../providers/speech-to-text/stt-settings';

export type TranscriptionServiceDto = { speechToText: boolean };

export function transcriptionService(opts: { ctx: Ctx }): TranscriptionServiceDto {
  requirePermission(opts.ctx, 'sessions:write');
  return { speechToText: sttSettings() !== null };
}
