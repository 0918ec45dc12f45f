import { setMyImage } from '@/server/domain/identity/set-my-image';
import { IMAGE_MAX_BYTES } from '@/server/domain/media/media-type';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/v1/me/image – upload the caller's profile image (image/jpeg, image/png or image/bmp; raw or multipart)
export const PUT = withApi({ access: 'user', maxBodyBytes: IMAGE_MAX_BYTES + 64 * 1024 }, async ({ ctx, body }) =>
  ok(await setMyImage({ ctx, ...(await body.file()) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
