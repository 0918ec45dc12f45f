// The API reference's static files: Swagger UI from swagger-ui-dist plus our start-up script, read once and then
// answered from memory (the server compresses them on the way out), cached by browsers for a year.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { REFERENCE_INIT } from './reference-init';

const SOURCES: Record<string, { type: string; read: () => Promise<Buffer> }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', read: () => readFile(path.join(getAbsoluteFSPath(), 'swagger-ui.css')) },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', read: () => readFile(path.join(getAbsoluteFSPath(), 'swagger-ui-bundle.js')) },
  'init.js': { type: 'text/javascript; charset=utf-8', read: async () => Buffer.from(REFERENCE_INIT) },
};

const loaded = new Map<string, Promise<Buffer>>();

/** The file's bytes with its headers; null for a file that is not ours. */
export async function referenceAsset(file: string): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
  const source = SOURCES[file];
  if (!source) return null;
  if (!loaded.has(file)) loaded.set(file, source.read());
  return {
    body: await loaded.get(file)!,
    headers: {
      'Content-Type': source.type,
      // The page asks for ?v=<swagger-ui version>, so a new version is a new URL and a year of caching is safe.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  };
}
