import { setMyImage } from '@/server/domain/identity/set-my-image';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/v1/me/image – upload the caller's profile image (image/jpeg, image/png or image/bmp; raw or multipart), streamed
export const PUT = withApi({ access: 'user', streamBody: true }, async ({ ctx, upload }) => ok(await setMyImage({ ctx, file: await upload.file() })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
