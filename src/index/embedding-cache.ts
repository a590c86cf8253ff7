import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/** The key of a chunk text in the cache: SHA-256 of its UTF-8 bytes. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const HASH_BYTES = 32;
const CRC_BYTES = 4;

/**
 * Vectors already paid for, by chunk text and embedder identity, kept beside the index (never inside
 * the folder a rebuild replaces), so a rebuild embeds only texts no earlier run embedded.
 *
 * One append-only file per embedder identity: records of [text hash | CRC-32 | float32 × dimensions]
 * (the CRC covers the hash and the vector).
 * Appended after every embedding batch, so an ingest killed an hour in keeps what it paid for. A torn
 * last record (a kill mid-append) is cut off on open; a record whose CRC fails is ignored. The cache
 * only ever saves work: a lost or ignored record costs one embedding again, never a wrong vector,
 * which is why two writers at once (a running bot and `whosaid ingest`) need no lock.
 */
export class EmbeddingCache {
  /** Text hash → its record (a view into the bytes read or appended; nothing is copied). */
  private readonly records = new Map<string, Buffer>();

  private constructor(
    private readonly file: string,
    private readonly header: { identity: string; dimensions: number | null },
    private readonly headerFile: string,
  ) {}

  /** Opens (or starts) the cache of one embedder identity in `dir`. */
  static async open(dir: string, identity: string): Promise<EmbeddingCache> {
    const name = createHash('sha256').update(identity).digest('hex').slice(0, 16);
    const file = join(dir, `${name}.vectors`);
    const headerFile = join(dir, `${name}.json`);
    const header = await readHeader(headerFile);
    const bytes =
      header?.identity === identity && header.dimensions
        ? await readFile(file).catch(() => Buffer.alloc(0))
        : Buffer.alloc(0);
    const cache = new EmbeddingCache(
      file,
      bytes.length > 0 && header ? header : { identity, dimensions: null },
      headerFile,
    );
    await mkdir(dir, { recursive: true });
    await cache.index(bytes);
    return cache;
  }

  has(hash: string): boolean {
    return this.records.has(hash);
  }

  get(hash: string): Float32Array | undefined {
    const values = this.records.get(hash)?.subarray(HASH_BYTES + CRC_BYTES);
    if (!values) return undefined;
    return new Float32Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  }

  /** Records vectors (appended to the file at once); texts already cached are skipped. */
  async add(entries: { hash: string; vector: ArrayLike<number> }[]): Promise<void> {
    const fresh = entries.filter((entry) => !this.records.has(entry.hash));
    if (fresh.length === 0) return;
    const dimensions = this.header.dimensions ?? fresh[0]?.vector.length ?? 0;
    if (this.header.dimensions === null) {
      this.header.dimensions = dimensions;
      await writeFile(this.headerFile, JSON.stringify(this.header));
      await writeFile(this.file, '');
    }
    const records = fresh
      .filter((entry) => entry.vector.length === dimensions)
      .map((entry) => encodeRecord(entry.hash, entry.vector));
    // One write per batch: appends of a whole batch do not interleave with another writer's.
    await appendFile(this.file, Buffer.concat(records));
    for (const record of records) this.records.set(record.subarray(0, HASH_BYTES).toString('hex'), record);
  }

  /**
   * Keeps only the vectors of `live` texts once the dead ones outnumber them: the file then never
   * holds more than about twice what the index needs, and rewriting it costs, over time, at most one
   * extra write per vector appended (the doubling argument of growable arrays).
   */
  async compact(live: Set<string>): Promise<void> {
    const dead = [...this.records.keys()].filter((hash) => !live.has(hash));
    if (dead.length <= Math.max(live.size, 1)) return;
    for (const hash of dead) this.records.delete(hash);
    const temporary = `${this.file}.tmp-${process.pid}`;
    await writeFile(temporary, Buffer.concat([...this.records.values()]));
    await rename(temporary, this.file);
  }

  private recordBytes(): number {
    return HASH_BYTES + CRC_BYTES + (this.header.dimensions ?? 0) * 4;
  }

  /** Builds the hash → record table, cutting a torn last record off the file. */
  private async index(bytes: Buffer): Promise<void> {
    if (!this.header.dimensions || bytes.length === 0) return;
    const size = this.recordBytes();
    const whole = bytes.length - (bytes.length % size);
    if (whole !== bytes.length) await truncate(this.file, whole);
    for (let offset = 0; offset + size <= whole; offset += size) {
      const record = bytes.subarray(offset, offset + size);
      if (
        recordCrc(record.subarray(0, HASH_BYTES), record.subarray(HASH_BYTES + CRC_BYTES)) !==
        record.readUInt32LE(HASH_BYTES)
      )
        continue;
      this.records.set(record.subarray(0, HASH_BYTES).toString('hex'), record);
    }
  }
}

function encodeRecord(hash: string, vector: ArrayLike<number>): Buffer {
  const values = Buffer.from(Float32Array.from(vector).buffer);
  const record = Buffer.alloc(HASH_BYTES + CRC_BYTES + values.length);
  record.write(hash, 0, 'hex');
  record.writeUInt32LE(recordCrc(record.subarray(0, HASH_BYTES), values), HASH_BYTES);
  values.copy(record, HASH_BYTES + CRC_BYTES);
  return record;
}

/** Over the key and the vector: damage to either makes the record ignored. */
function recordCrc(hash: Uint8Array, values: Uint8Array): number {
  return crc32(values, crc32(hash));
}

async function readHeader(path: string): Promise<{ identity: string; dimensions: number | null } | null> {
  try {
    const header = JSON.parse(await readFile(path, 'utf8')) as { identity?: unknown; dimensions?: unknown };
    if (typeof header.identity !== 'string' || typeof header.dimensions !== 'number') return null;
    return { identity: header.identity, dimensions: header.dimensions };
  } catch {
    return null;
  }
}
