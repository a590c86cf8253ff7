import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.js';

/** Paragraphs per generated document. */
export const PER_DOCUMENT = 100;
/** Collections the generated corpus is split into: a 1% collection is one of them. */
export const COLLECTIONS = 100;
/** What retrieval asks each ranking for before fusion (src/answer/retrieve.ts, CANDIDATES). */
export const CANDIDATES = 50;

/** The command line both collection benchmarks take: `--paragraphs N --queries N`. */
export function collectionBenchOptions(): { paragraphs: number; queryCount: number } {
  const { values } = parseArgs({
    options: {
      paragraphs: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '200' },
    },
  });
  return { paragraphs: Number(values.paragraphs), queryCount: Number(values.queries) };
}

export interface CollectionCorpus {
  /** One paragraph per entry, in document order. */
  texts: string[];
  /** The document each paragraph belongs to (its index in generation order). */
  documentOf: number[];
  /** The collection (0 … collections − 1) of each paragraph. */
  collectionOf: number[];
  /** Queries: paragraphs of the corpus reworded a little (first words dropped), seeded. */
  queries: string[];
}

/**
 * The generated corpus (bench/generate-corpus.ts) split into `collections` collections of equal size,
 * with the same seeded queries for every backend's benchmark (bench/collections.ts,
 * bench/postgres-collections.ts), so their figures can be set side by side.
 */
export async function collectionCorpus(
  paragraphs: number,
  collections: number,
  queryCount: number,
): Promise<CollectionCorpus> {
  const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-collections-'));
  await generateCorpus(work, Math.ceil(paragraphs / PER_DOCUMENT), PER_DOCUMENT);
  const texts: string[] = [];
  const documentOf: number[] = [];
  const collectionOf: number[] = [];
  for (const [d, name] of (await readdir(work)).sort().entries()) {
    const body = (await readFile(join(work, name), 'utf8')).split('\n---\n')[1] ?? '';
    for (const line of body.split('\n').filter(Boolean)) {
      texts.push(line);
      documentOf.push(d);
      // Documents are dealt out to collections in turn: each holds 1/100 of the paragraphs, spread over the corpus.
      collectionOf.push(d % collections);
    }
  }
  await rm(work, { recursive: true, force: true });
  let seed = 7;
  const nextRandom = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const queries = Array.from({ length: queryCount }, () => {
    const text = texts[Math.floor(nextRandom() * texts.length)] ?? '';
    return text.split(' ').slice(2).join(' ');
  });
  return { texts, documentOf, collectionOf, queries };
}

export interface Timing {
  p50: number;
  p95: number;
}

export function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Share of the exact top 10 found, over all queries. */
export function recall(found: number[][], truth: number[][]): number {
  let hit = 0;
  let total = 0;
  found.forEach((labels, i) => {
    const expected = new Set(truth[i] ?? []);
    hit += labels.filter((label) => expected.has(label)).length;
    total += expected.size;
  });
  return total === 0 ? 1 : hit / total;
}
