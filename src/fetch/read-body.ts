import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The body is larger than allowed. */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than the ${formatLimit(limit)} limit`);
  }
}

export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .toLowerCase()
    .trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'deflate') return response.pipe(createInflate());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
}

/**
 * Reads the whole body, decompressed, and stops as soon as it exceeds `maxBytes`: the limit applies to
 * what we would keep, so a small compressed body that inflates to gigabytes (a "zip bomb") stops too.
 * A Content-Length above the limit is refused before any of the body is read.
 */
export async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers['content-encoding']) {
    response.destroy();
    throw new TooLargeError(maxBytes);
  }
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new TooLargeError(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    stream.destroy();
    response.destroy();
    throw error;
  }
  return Buffer.concat(chunks);
}
