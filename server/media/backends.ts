// Picks the backend for new uploads (MEDIA_S3_URL or PostgreSQL) and the one that holds an existing file.
import { AppError } from '../errors';
import type { MediaBackend } from './backend';
import { pgBackend } from './pg-backend';
import { s3Backend } from './s3-backend';

const s3Url = () => process.env.MEDIA_S3_URL || null;

export const backendForNewMedia = (): MediaBackend => {
  const url = s3Url();
  return url ? s3Backend(url) : pgBackend;
};

export function backendFor(storage: string): MediaBackend {
  if (storage === 'pg') return pgBackend;
  const url = s3Url();
  if (!url) throw new AppError('internal', { message: 'Media is stored in S3 but MEDIA_S3_URL is not set' });
  return s3Backend(url);
}
