import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, WhosaidError } from '../errors.js';
import { isBeingReplaced, recoverDirectory, replaceDirectoryAtomically } from './atomic-directory.js';
import { readLaidOutJson, writeLaidOutJson } from './laid-out-json.js';
import { LexicalIndex, type LexicalIndexJson } from './lexical-index.js';
import type { Chunk, IndexManifest, StoredDocument } from './types.js';
import { HnswVectorIndex } from './vector-index.js';

/** Bump when the files' layout or meaning changes: an older index is then rebuilt, never misread. */
export const INDEX_FORMAT_VERSION = 4;
/**
 * Formats read as they are. Format 4 added Chunk.vector (the graph label of an edited graph); a
 * format-3 index has none, which means what it meant there (each chunk's vector under its position),
 * so it is read without a rebuild and the next ingest writes format 4.
 */
const READABLE_FORMATS = new Set([3, INDEX_FORMAT_VERSION]);

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
    // Element by element (laid-out-json.ts): one string of a large index's chunks exceeds V8's limit.
    await writeLaidOutJson(join(temporary, FILES.documents), data.documents, 1);
    await writeLaidOutJson(join(temporary, FILES.chunks), data.chunks, 1);
    await writeFile(
      join(temporary, FILES.vectors),
      new Uint8Array(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength),
    );
    await data.hnsw.save(join(temporary, FILES.hnsw));
    // MiniSearch's index, its term list and its per-chunk tables, a line per entry.
    await writeLaidOutJson(join(temporary, FILES.lexical), data.lexical.toJSON(), LEXICAL_DEPTH);
    const checksums: Record<string, string> = {};
    for (const name of CHECKED_FILES) checksums[name] = sha256(await readFile(join(temporary, name)));
    data.manifest.checksums = checksums;
    await writeFile(join(temporary, FILES.manifest), JSON.stringify(data.manifest, null, 2));
  });
}

/** Reads only the manifest (cheap): null when there is no index at all. */
export async function readManifest(dir: string): Promise<IndexManifest | null> {
  const text = await readManifestText(dir);
  return text === null ? null : parseManifest(dir, text);
}

async function readManifestText(dir: string): Promise<string | null> {
  return readFile(join(dir, FILES.manifest), 'utf8').catch(() => null);
}

function parseManifest(dir: string, text: string): IndexManifest {
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

/** A reader that finds the index changing under it tries again, this many times, this far apart. */
const READ_ATTEMPTS = 50;
const RETRY_MS = 20;

/** Reads one complete generation, with its search structures (see readConsistently). */
export async function readIndex(dir: string, options: ReadIndexOptions): Promise<IndexData> {
  return readConsistently(dir, options, async (manifest) => {
    const parts = await readParts(dir, manifest);
    const hnsw = await loadGraph(parts);
    const data: IndexData = {
      manifest,
      documents: parts.documents,
      chunks: parts.chunks,
      vectors: parts.vectors,
      hnsw,
      lexical: LexicalIndex.fromJSON(parts.lexical),
    };
    return { data, release: () => hnsw.release() };
  });
}

/**
 * Everything of an index but its two search structures, read and checked (compatibility, checksums,
 * counts) as `readIndex` reads it: plain data that can cross to another thread. serving-index.ts reads
 * the parts in a worker thread so the bot's thread never parses them.
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
  return readConsistently(dir, options, async (manifest) => ({
    data: await readParts(dir, manifest),
    release: () => {},
  }));
}

/** The vector graph of checked parts (hnswlib reads the file on a thread of its own). */
export async function loadGraph(parts: IndexParts): Promise<HnswVectorIndex> {
  // The load checks each chunk names a distinct point of the graph. (An edited graph may hold deleted
  // points besides, so its size is not the number of chunks.)
  return HnswVectorIndex.load(
    join(parts.dir, FILES.hnsw),
    parts.manifest.embedder.dimensions,
    parts.chunks.map((chunk) => chunk.vector ?? chunk.label),
  );
}

/** Runs `read`; whatever it throws means the index in `dir` is damaged. */
export async function damagedUnless<T>(dir: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw damaged(dir, error);
  }
}

function damaged(dir: string, error: unknown): WhosaidError {
  return new WhosaidError('INDEX_CORRUPT', `The index in ${dir} is damaged (${describeError(error)}).`, {
    cause: error,
  });
}

/**
 * One complete generation, read by `read`. Writers replace the folder while readers may be reading it
 * (the bot answers during `whosaid ingest`), so a read is checked against the manifest read before it:
 * if the manifest changed meanwhile, or the folder is missing because a writer is between its two
 * renames, the files read may belong to two generations, and the read starts again. Each generation's
 * manifest differs (its build time and checksums), so an unchanged manifest means every file came from it.
 */
async function readConsistently<T>(
  dir: string,
  options: ReadIndexOptions,
  read: (manifest: IndexManifest) => Promise<{ data: T; release: () => void }>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const last = attempt === READ_ATTEMPTS;
    // A writer killed between its two renames leaves the previous index aside: put it back first.
    await recoverDirectory(dir);
    const before = await readManifestText(dir);
    if (before === null) {
      if (!last && (await isBeingReplaced(dir))) {
        await pause(RETRY_MS);
        continue;
      }
      throw new WhosaidError('INDEX_MISSING', `No index in ${dir} yet. Run \`whosaid ingest\`.`);
    }
    const manifest = parseManifest(dir, before);
    checkCompatible(manifest, options);
    let result: { data: T; release: () => void };
    try {
      result = await read(manifest);
    } catch (error) {
      if (!last && (await readManifestText(dir)) !== before) {
        await pause(RETRY_MS);
        continue;
      }
      throw damaged(dir, error);
    }
    if (last || (await readManifestText(dir)) === before) return result.data;
    result.release();
    await pause(RETRY_MS);
  }
}

async function readParts(dir: string, manifest: IndexManifest): Promise<IndexParts> {
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
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Only what makes an index unusable is refused here; one built by older document-processing code is
 * still readable (stale, not wrong to read): see index-staleness.ts.
 */
function checkCompatible(manifest: IndexManifest, { embedderId }: ReadIndexOptions): void {
  if (!READABLE_FORMATS.has(manifest.formatVersion)) {
    throw new WhosaidError(
      'INDEX_MISMATCH',
      `The index was written in format ${manifest.formatVersion}; this version reads formats ${[...READABLE_FORMATS].join(' and ')}.`,
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
  return (await readLaidOutJson(path)) as T;
}

/** bm25.json: {index: MiniSearch's JSON {index: [terms…], documentIds: {…}, …}, documentFrequency: {…}}. */
const LEXICAL_DEPTH = 3;
