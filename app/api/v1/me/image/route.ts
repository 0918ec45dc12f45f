import { setMyImage } from '@/server/domain/identity/set-my-image';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// PUT /api/v1/me/image – upload the caller's profile image (image/jpeg, image/png or image/bmp; raw or multipart), streamed
export const PUT = withApi({ access: 'user', streamBody: true }, async ({ ctx, upload }) => ok(await setMyImage({ ctx, file: await upload.file() })));
