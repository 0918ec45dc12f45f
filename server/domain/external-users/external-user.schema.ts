// Shapes of external users: a customer's app installation (or browser) that chats with an organization's members.
import { z } from 'zod';
import '../shared/zod-messages';
import { singleLineText } from '../shared/single-line-text';

export const registerExternalUserInput = z
  .object({
    uniqueId: singleLineText({ max: 200, required: 'Give the installation’s unique id' }).meta({ description: 'The caller’s own id for this installation; registering it again in the organization finds the same user' }),
    platform: singleLineText({ max: 50, required: 'Name the platform (e.g. ios, android, web)' }),
    deviceName: singleLineText({ max: 100, required: 'Name the device' }),
    hardwareId: singleLineText({ max: 200, required: 'Give the hardware id' }),
    osVersion: singleLineText({ max: 50, required: 'Give the operating system version' }),
    rotateKey: z.boolean().optional().meta({ description: 'On a repeat registration: issue a new key and end the old one (default false)' }),
  })
  .strict()
  .meta({ id: 'RegisterExternalUserInput' });

export const registeredExternalUserDto = z
  .object({
    virtualUser: z.uuid().meta({ description: 'The external user’s user id: what POST /access-tokens takes and conversations list as a participant' }),
    apiKey: z.string().nullable().meta({
      description:
        'The external user’s own key (`pxu_…`), acting as that user only: shown in this response only. null on a repeat registration without rotateKey, and on an Idempotency-Key replay (secrets are never stored).',
    }),
    previouslyRegistered: z.boolean(),
  })
  .meta({ id: 'RegisteredExternalUser' });

export type RegisteredExternalUserDto = z.infer<typeof registeredExternalUserDto>;
