// Media bytes in an S3-compatible store (AWS S3, MinIO, R2…), named by MEDIA_S3_URL:
//   s3://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]   (HTTPS)   ·   s3+http://…   (plain HTTP, e.g. a local MinIO)
// Uploads stream as multipart parts; reads are ranged GETs. The AWS SDK is the well-kept client for the protocol.
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { MediaBackend } from './backend';

type S3Target = { client: S3Client; bucket: string; prefix: string };

let cached: { url: string; target: S3Target } | undefined;

export function parseS3Url(url: string): { endpoint: string; bucket: string; prefix: string; region: string; accessKeyId: string; secretAccessKey: string } {
  const parsed = new URL(url.replace(/^s3(\+https?)?:/, (_, p: string | undefined) => (p === '+http' ? 'http:' : 'https:')));
  const [bucket, ...rest] = parsed.pathname.replace(/^\/+/, '').split('/');
  if (!bucket) throw new Error('MEDIA_S3_URL must name a bucket: s3://KEY:SECRET@host/bucket');
  if (!parsed.username || !parsed.password) throw new Error('MEDIA_S3_URL must carry credentials: s3://KEY:SECRET@host/bucket');
  return {
    endpoint: `${parsed.protocol}//${parsed.host}`,
    bucket,
    prefix: rest.filter(Boolean).map((s) => `${s}/`).join(''),
    region: parsed.searchParams.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(parsed.username),
    secretAccessKey: decodeURIComponent(parsed.password),
  };
}

function target(url: string): S3Target {
  if (cached?.url === url) return cached.target;
  const c = parseS3Url(url);
  const client = new S3Client({
    endpoint: c.endpoint,
    region: c.region,
    forcePathStyle: true,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    // S3-compatible stores differ in their support for the SDK's newer default checksums; ask only where required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  cached = { url, target: { client, bucket: c.bucket, prefix: c.prefix } };
  return cached.target;
}

export function s3Backend(url: string): MediaBackend {
  const t = target(url);
  const key = (id: string) => `${t.prefix}media/${id}`;
  return {
    name: 's3',
    async write(media, source) {
      const upload = new Upload({
        client: t.client,
        params: { Bucket: t.bucket, Key: key(media.id), Body: Readable.from(source) },
        partSize: 5 * 1024 * 1024,
        queueSize: 2,
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async *read(media, start, end) {
      const res = await t.client.send(new GetObjectCommand({ Bucket: t.bucket, Key: key(media.id), Range: `bytes=${start}-${end}` }));
      for await (const chunk of res.Body as AsyncIterable<Uint8Array>) yield chunk;
    },
    async remove(media) {
      await t.client.send(new DeleteObjectCommand({ Bucket: t.bucket, Key: key(media.id) }));
    },
  };
}
