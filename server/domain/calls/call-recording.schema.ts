// Shapes of a dealer recording their side of a live call: the on-air switch the customer sees, and attaching the
// recording (a finished upload of theirs, with the words where the browser heard them).
import { z } from 'zod';
import { transcriptInput } from '../sessions/session.schema';

export const callRecordingStateInput = z
  .object({ recording: z.boolean().meta({ description: 'true while the dealer records their side; the customer’s page says so' }) })
  .strict()
  .meta({ id: 'CallRecordingStateInput' });

export const attachCallRecordingInput = z
  .object({
    audioUploadId: z.uuid('must be an upload id').meta({ description: 'A finished audio upload of the dealer’s (POST /api/uploads/audio), WAV' }),
    transcript: transcriptInput.optional(),
    transcriptSource: z.enum(['upload', 'browser']).optional(),
  })
  .strict()
  .meta({ id: 'AttachCallRecordingInput' });
