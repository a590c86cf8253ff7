/**
 * `npm run bench:collections`: retrieval restricted to one collection inside one index (files backend:
 * hnswlib + MiniSearch), on the generated corpus (bench/generate-corpus.ts) split into 100 collections.
 * Filtered searches are compared with the exact filtered scan (recall@10) and with unfiltered searches
 * (latency). Writes its section of docs/benchmarks.md. Not a test: no thresholds.
 * Options: --paragraphs N (default 100,000), --queries N (default 200).
 */
import { cpus } from 'node:os';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { LexicalIndex } from '../src/index/lexical-index.js';
import { LocalHashEmbeddings } from '../src/index/local-embeddings.js';
import { HnswVectorIndex } from '../src/index/vector-index.js';
import {
  CANDIDATES,
  COLLECTIONS,
  collectionBenchOptions,
  collectionCorpus,
  recall,
  type Timing,
  timing,
} from './collection-corpus.js';
import { ExactVectorIndex } from './exact-vector-index.js';

const { paragraphs, queryCount } = collectionBenchOptions();

const log = (text: string) => process.stderr.write(`bench:collections: ${text}\n`);
log(`generating ${paragraphs} paragraphs in ${COLLECTIONS} collections…`);
const { texts, collectionOf, queries } = await collectionCorpus(paragraphs, COLLECTIONS, queryCount);

const embeddings = new LocalHashEmbeddings();
let started = performance.now();
const rows = texts.map((text) => embeddings.embedText(text));
log(
  `embedded ${rows.length} paragraphs in ${((performance.now() - started) / 1000).toFixed(1)} s; building the graph…`,
);
started = performance.now();
const graph = HnswVectorIndex.build(rows, embeddings.dimensions);
const graphSeconds = (performance.now() - started) / 1000;
log(`graph built in ${graphSeconds.toFixed(1)} s; building BM25…`);
const lexical = LexicalIndex.build(texts.map((text, label) => ({ label, text, speakers: '', title: '' })));
const flat = new Float32Array(rows.length * embeddings.dimensions);
rows.forEach((row, i) => {
  flat.set(row, i * embeddings.dimensions);
});

/** Labels of the collections `0..count-1`: count% of the corpus. */
function labelsOf(count: number): number[] {
  return collectionOf.flatMap((collection, label) => (collection < count ? [label] : []));
}

const queryVectors = queries.map((query) => embeddings.embedText(query));

interface Figures {
  share: string;
  allowed: number;
  path: string;
  recallAt10: number;
  vector: Timing;
  lexical: Timing;
  retrieval: Timing;
}
function measure(
  vector: { search(query: number[], k: number): { label: number }[] },
  keyword: LexicalIndex,
): { vector: Timing; lexical: Timing; retrieval: Timing; top10: number[][] } {
  const vectorTimes: number[] = [];
  const lexicalTimes: number[] = [];
  const both: number[] = [];
  const top10: number[][] = [];
  queries.forEach((query, i) => {
    const at = performance.now();
    const hits = vector.search(queryVectors[i] ?? [], CANDIDATES);
    const middle = performance.now();
    keyword.search({ text: query, limit: CANDIDATES });
    const end = performance.now();
    vectorTimes.push(middle - at);
    lexicalTimes.push(end - middle);
    both.push(end - at);
    top10.push(hits.slice(0, 10).map((hit) => hit.label));
  });
  return { vector: timing(vectorTimes), lexical: timing(lexicalTimes), retrieval: timing(both), top10 };
}

log('measuring…');
// Warm-up: the first searches pay for lazy allocations in hnswlib and MiniSearch.
measure(graph, lexical);
const unfiltered = measure(graph, lexical);
const exactAll = new ExactVectorIndex(rows, embeddings.dimensions);
const results: Figures[] = [
  {
    share: 'all (unfiltered)',
    allowed: rows.length,
    path: 'HNSW graph',
    recallAt10: recall(
      unfiltered.top10,
      queryVectors.map((query) => exactAll.search(query, 10).map((hit) => hit.label)),
    ),
    ...unfiltered,
  },
];
for (const count of [1, 5, 25]) {
  const labels = labelsOf(count);
  const allowed = new Set(labels);
  const restricted = graph.restrictedTo(labels, flat);
  const keyword = lexical.restrictedTo(labels, texts.length);
  measure(restricted, keyword);
  const measured = measure(restricted, keyword);
  const exact = new ExactVectorIndex(
    labels.map((label) => rows[label] ?? []),
    embeddings.dimensions,
  );
  const truth = queryVectors.map((query) => exact.search(query, 10).map((hit) => labels[hit.label] ?? -1));
  if (measured.top10.some((top) => top.some((label) => !allowed.has(label))))
    throw new Error('a filtered search returned another collection’s chunk');
  results.push({
    share: `${count}% (${count} collection${count === 1 ? '' : 's'})`,
    allowed: labels.length,
    path:
      labels.length ** 2 <= 200 * 16 * rows.length
        ? 'exact scan of the allowed rows'
        : 'HNSW graph, filter during the walk',
    recallAt10: recall(measured.top10, truth),
    ...measured,
  });
}

const ms = (value: number) => value.toFixed(2);
const base = results[0];
const lines = results.map((row) => {
  const ratio = base ? (row.retrieval.p50 / base.retrieval.p50).toFixed(2) : '–';
  return `| ${row.share} | ${row.allowed.toLocaleString('en')} | ${row.path} | ${row.recallAt10.toFixed(3)} | ${ms(row.vector.p50)} / ${ms(row.vector.p95)} | ${ms(row.lexical.p50)} / ${ms(row.lexical.p95)} | ${ms(row.retrieval.p50)} / ${ms(row.retrieval.p95)} | ${ratio}× |`;
});
const markdown = `## Collections: filtered retrieval (files backend)

\`npm run bench:collections\`, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (shared with other work while measured), Node ${process.version}:
${rows.length.toLocaleString('en')} generated paragraphs (bench/generate-corpus.ts) in ${COLLECTIONS} collections of equal size, local
embeddings (${embeddings.dimensions} dimensions), one hnswlib graph (M 16, ef 200; built in ${graphSeconds.toFixed(0)} s) and one BM25 index
for all of them. Each of ${queryCount} queries asks each ranking for ${CANDIDATES} candidates, as retrieval does; recall@10 is
against the exact scan of the same rows (for a filtered search: of the allowed rows only). Latencies in ms, p50 / p95.

| collections read | paragraphs | vector search | recall@10 | vector | BM25 | vector + BM25 | vs unfiltered (p50) |
|---|---|---|---|---|---|---|---|
${lines.join('\n')}

The allowed rows are scanned exactly while allowed² ≤ ef·M·total (src/index/vector-index.ts: a filtered walk visits
about ef·total/allowed nodes, M distances each); more are searched in the graph with hnswlib's filter, which skips other
collections' nodes during the walk and keeps walking until it has a full top-k. BM25 uses MiniSearch's \`filter\`, applied
to the matches before they are ranked and cut. The PostgreSQL backend's figures on the same corpus and queries:
"Collections: filtered retrieval (PostgreSQL backend)" (\`npm run bench:postgres-collections\`).
`;
await writeMarkdownSection('docs/benchmarks.md', 'bench-collections', markdown, 'Benchmarks');
process.stdout.write(markdown);
