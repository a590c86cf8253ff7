import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, WhosaidError } from '../errors.js';
import { recoverDirectory, replaceDirectoryAtomically } from './atomic-directory.js';
import { LexicalIndex, type LexicalIndexJson } from './lexical-index.js';
import type { Chunk, IndexManifest, StoredDocument } from './types.js';
import { HnswVectorIndex } from './vector-index.js';

/** Bump when the files' layout or meaning changes: an older index is then rebuilt, never misread. */
export const INDEX_FORMAT_VERSION = 3;

const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  chunks: 'chunks.json',
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  lexical: 'bm25.json',
} as const;

export interface IndexData {
  manifest: IndexManifest;
  documents: StoredDocument[];
  chunks: Chunk[];
  /** All chunk vectors, row-major (chunkCount × dimensions): kept so re-ingesting reuses them. */
  vectors: Float32Array;
  hnsw: HnswVectorIndex;
  lexical: LexicalIndex;
}

/** Writes the whole index atomically; the manifest goes last so a complete manifest means a complete index. */
export async function writeIndex(dir: string, data: IndexData): Promise<void> {
  await replaceDirectoryAtomically(dir, async (temporary) => {
    await writeFile(join(temporary, FILES.documents), JSON.stringify(data.documents));
    await writeFile(join(temporary, FILES.chunks), JSON.stringify(data.chunks));
    await writeFile(
      join(temporary, FILES.vectors),
      new Uint8Array(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength),
    );
    await data.hnsw.save(join(temporary, FILES.hnsw));
    await writeFile(join(temporary, FILES.lexical), JSON.stringify(data.lexical.toJSON()));
    const checksums: Record<string, string> = {};
    for (const name of CHECKED_FILES) checksums[name] = sha256(await readFile(join(temporary, name)));
    data.manifest.checksums = checksums;
    await writeFile(join(temporary, FILES.manifest), JSON.stringify(data.manifest, null, 2));
  });
}

/** Reads only the manifest (cheap): null when there is no index at all. */
export async function readManifest(dir: string): Promise<IndexManifest | null> {
  let text: string;
  try {
    text = await readFile(join(dir, FILES.manifest), 'utf8');
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as IndexManifest;
  } catch (error) {
    throw new WhosaidError(
      'INDEX_CORRUPT',
      `The index manifest in ${dir} is unreadable (${describeError(error)}).`,
    );
  }
}

export interface ReadIndexOptions {
  /** The embedder the caller will query with; an index built with another one is refused. */
  embedderId: string;
}

export async function readIndex(dir: string, options: ReadIndexOptions): Promise<IndexData> {
  const parts = await readIndexParts(dir, options);
  return damagedUnless(dir, async () => ({
    manifest: parts.manifest,
    documents: parts.documents,
    chunks: parts.chunks,
    vectors: parts.vectors,
    hnsw: await loadGraph(parts),
    lexical: LexicalIndex.fromJSON(parts.lexical),
  }));
}

/**
 * Everything of an index but its two search structures, read and checked (compatibility, checksums,
 * counts): plain data that can cross to another thread. `readIndex` builds the structures on top;
 * serving-index.ts reads the parts in a worker thread so the bot's thread never parses them.
 */
export interface IndexParts {
  dir: string;
  manifest: IndexManifest;
  documents: StoredDocument[];
  chunks: Chunk[];
  vectors: Float32Array;
  lexical: LexicalIndexJson;
}

export async function readIndexParts(dir: string, options: ReadIndexOptions): Promise<IndexParts> {
  // A writer killed between its two renames leaves the previous index aside: put it back first.
  await recoverDirectory(dir);
  const manifest = await readManifest(dir);
  if (!manifest) throw new WhosaidError('INDEX_MISSING', `No index in ${dir} yet. Run \`whosaid ingest\`.`);
  checkCompatible(manifest, options);
  return damagedUnless(dir, async () => {
    const [documents, chunks, vectorBytes, lexical] = await Promise.all([
      readJson<StoredDocument[]>(join(dir, FILES.documents)),
      readJson<Chunk[]>(join(dir, FILES.chunks)),
      readFile(join(dir, FILES.vectors)),
      readJson<LexicalIndexJson>(join(dir, FILES.lexical)),
    ]);
    const { dimensions } = manifest.embedder;
    verifyChecksum(dir, FILES.vectors, vectorBytes, manifest);
    verifyChecksum(dir, FILES.hnsw, await readFile(join(dir, FILES.hnsw)), manifest);
    const vectors = new Float32Array(
      vectorBytes.buffer.slice(vectorBytes.byteOffset, vectorBytes.byteOffset + vectorBytes.byteLength),
    );
    if (chunks.length !== manifest.chunkCount || vectors.length !== chunks.length * dimensions) {
      throw new Error(
        `expected ${manifest.chunkCount} chunks of ${dimensions} dimensions, found ${chunks.length}`,
      );
    }
    return { dir, manifest, documents, chunks, vectors, lexical };
  });
}

/** The vector graph of checked parts (hnswlib reads the file on a thread of its own). */
export async function loadGraph(parts: IndexParts): Promise<HnswVectorIndex> {
  const hnsw = await HnswVectorIndex.load(join(parts.dir, FILES.hnsw), parts.manifest.embedder.dimensions);
  if (hnsw.size !== parts.chunks.length)
    throw new Error(`vector index holds ${hnsw.size} of ${parts.chunks.length} chunks`);
  return hnsw;
}

/** Runs `read`; whatever it throws means the index in `dir` is damaged. */
export async function damagedUnless<T>(dir: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new WhosaidError('INDEX_CORRUPT', `The index in ${dir} is damaged (${describeError(error)}).`, {
      cause: error,
    });
  }
}

/**
 * Only what makes an index unusable is refused here; one built by older document-processing code is
 * still readable (stale, not wrong to read): see index-staleness.ts.
 */
function checkCompatible(manifest: IndexManifest, { embedderId }: ReadIndexOptions): void {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new WhosaidError(
      'INDEX_MISMATCH',
      `The index was written in format ${manifest.formatVersion}; this version reads format ${INDEX_FORMAT_VERSION}.`,
    );
  }
  if (manifest.embedder?.id !== embedderId) {
    throw new WhosaidError(
      'INDEX_MISMATCH',
      `The index was built with embeddings "${manifest.embedder?.id}", but "${embedderId}" is configured.`,
    );
  }
}

/** The files read by native code or as raw bytes, where damage would not show as a parse error. */
const CHECKED_FILES = [FILES.vectors, FILES.hnsw];

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function verifyChecksum(dir: string, name: string, bytes: Uint8Array, manifest: IndexManifest): void {
  const expected = manifest.checksums?.[name];
  if (expected === undefined || sha256(bytes) !== expected)
    throw new Error(`${name} does not match its checksum in ${join(dir, FILES.manifest)}`);
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}
