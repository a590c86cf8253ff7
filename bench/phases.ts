/**
 * One benchmark phase per child process, so that each reports its own peak memory (maxRSS).
 *   tsx bench/phases.ts ingest CORPUS INDEX       → JSON {seconds, paragraphs, bytes, maxRssMb}
 *   tsx bench/phases.ts query CORPUS INDEX N      → JSON {hnsw: {p50, p95}, exact: {p50, p95}, recallAt10, …}
 *   tsx bench/phases.ts extract CORPUS            → JSON {kilobytes, seconds, quotes}
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ask } from '../src/answer/ask.js';
import { createSearchContext } from '../src/answer/search-context.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { createEmbedder } from '../src/index/embedder.js';
import { readIndex } from '../src/index/index-store.js';
import { ingest } from '../src/index/ingest.js';
import type { VectorIndex } from '../src/index/vector-index.js';
import { extractQuotes } from '../src/quotes/extract-quotes.js';
import { Wordnet } from '../src/text/wordnet.js';
import { ExactVectorIndex } from './exact-vector-index.js';

const [phase, corpusDir = '', indexDir = '', count = '200'] = process.argv.slice(2);
const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function ingestPhase() {
  const started = performance.now();
  const { report } = await ingest({ corpusDir, indexDir, embedder });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    paragraphs: report.chunks,
    documents: report.documents,
    corpusBytes: await directoryBytes(corpusDir),
    bytes: await directoryBytes(indexDir),
    maxRssMb: maxRssMb(),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function queryPhase() {
  const index = await readIndex(indexDir, { embedderId: embedder.id });
  const context = createSearchContext(index, embedder, new Wordnet());
  const dimensions = index.manifest.embedder.dimensions;
  const rows = Array.from({ length: index.chunks.length }, (_, i) =>
    index.vectors.subarray(i * dimensions, (i + 1) * dimensions),
  );
  const exact = new ExactVectorIndex(rows, dimensions);
  const questions = Array.from({ length: Number(count) }, (_, i) => {
    const chunk = index.chunks[(i * 7919) % index.chunks.length];
    return `What did they say about ${chunk?.text.split(' ').slice(2, 8).join(' ')}?`;
  });
  const timeAsks = async (vectors: VectorIndex) => {
    const timings: number[] = [];
    const vectorSearch = { nearest: async (query: number[], k: number) => vectors.search(query, k) };
    const search = { ...context, index: { ...context.index, vectorSearch } };
    for (const question of questions) {
      const started = performance.now();
      await ask(search, { question, k: 5 });
      timings.push(performance.now() - started);
    }
    return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
  };
  await timeAsks(index.hnsw);
  const hnsw = await timeAsks(index.hnsw);
  const exactTimes = await timeAsks(exact);
  let found = 0;
  const searchTimes = { hnsw: [] as number[], exact: [] as number[] };
  for (const question of questions) {
    const vector = await embedder.embeddings.embedQuery(question);
    let started = performance.now();
    const truth = new Set(exact.search(vector, 10).map((hit) => hit.label));
    searchTimes.exact.push(performance.now() - started);
    started = performance.now();
    const approximate = index.hnsw.search(vector, 10);
    searchTimes.hnsw.push(performance.now() - started);
    found += approximate.filter((hit) => truth.has(hit.label)).length;
  }
  const vectorSearch = {
    hnsw: { p50: percentile(searchTimes.hnsw, 50), p95: percentile(searchTimes.hnsw, 95) },
    exact: { p50: percentile(searchTimes.exact, 50), p95: percentile(searchTimes.exact, 95) },
  };
  const recallAt10 = found / (questions.length * 10);
  return {
    queries: questions.length,
    hnsw,
    exact: exactTimes,
    vectorSearch,
    recallAt10,
    maxRssMb: maxRssMb(),
  };
}

async function extractPhase() {
  const { documents } = await loadCorpus({ dir: corpusDir });
  const bytes = (await Promise.all(documents.map((document) => readFile(document.path)))).reduce(
    (sum, b) => sum + b.length,
    0,
  );
  const started = performance.now();
  let quotes = 0;
  for (const document of documents) quotes += extractQuotes({ paragraphs: document.paragraphs }).length;
  const seconds = (performance.now() - started) / 1000;
  return { kilobytes: bytes / 1024, seconds, quotes, maxRssMb: maxRssMb() };
}

const phases: Record<string, () => Promise<unknown>> = {
  ingest: ingestPhase,
  query: queryPhase,
  extract: extractPhase,
};
const run = phase ? phases[phase] : undefined;
if (!run) throw new Error(`unknown phase ${phase}; use ingest, query or extract`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
