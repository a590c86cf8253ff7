/**
 * `npm run bench:postgres-collections`: retrieval restricted to collections with the index in
 * PostgreSQL (pgvector's HNSW with an iterative scan, and full-text search, each with
 * `collection = ANY(…)` in its SQL), on the same generated corpus, collections and queries as
 * bench/collections.ts. Publishes the corpus through the real writer (savePostgresIndex: multi-row
 * INSERTs, one transaction per document, term statistics kept by triggers, then the HNSW index), reads
 * it as a replica does, and compares filtered searches with the exact filtered scan (recall@10) and
 * with unfiltered ones (latency). Uses a database of its own and drops it. Writes its section of
 * docs/benchmarks.md. Not a test: no thresholds.
 * Options: --paragraphs N (default 100,000), --queries N (default 200).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { migrate } from '../src/db/migrate.js';
import { loadMigrations } from '../src/db/migrations.js';
import type { IndexData } from '../src/index/index-store.js';
import type { LexicalSearch } from '../src/index/lexical-search.js';
import { LocalHashEmbeddings } from '../src/index/local-embeddings.js';
import { loadPostgresIndex } from '../src/index/postgres/load-postgres-index.js';
import { HNSW_BUILD } from '../src/index/postgres/postgres-index-sql.js';
import { savePostgresIndex } from '../src/index/postgres/save-postgres-index.js';
import type { VectorSearch } from '../src/index/served-index.js';
import type { Chunk, StoredDocument } from '../src/index/types.js';
import {
  CANDIDATES,
  COLLECTIONS,
  collectionBenchOptions,
  collectionCorpus,
  PER_DOCUMENT,
  recall,
  type Timing,
  timing,
} from './collection-corpus.js';
import { ExactVectorIndex } from './exact-vector-index.js';

const { paragraphs, queryCount } = collectionBenchOptions();
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

const log = (text: string) => process.stderr.write(`bench:postgres-collections: ${text}\n`);
log(`generating ${paragraphs} paragraphs in ${COLLECTIONS} collections…`);
const { texts, documentOf, collectionOf, queries } = await collectionCorpus(
  paragraphs,
  COLLECTIONS,
  queryCount,
);
const embeddings = new LocalHashEmbeddings();
const { dimensions } = embeddings;
const rows = texts.map((text) => embeddings.embedText(text));
const queryVectors = queries.map((query) => embeddings.embedText(query));
const name = (collection: number) => `c${String(collection).padStart(3, '0')}`;

/** The generated corpus as an index the writer publishes: one document per generated file. */
function indexData(): IndexData {
  const documents: StoredDocument[] = [];
  const chunks: Chunk[] = texts.map((text, label) => {
    const d = documentOf[label] ?? 0;
    const doc = `doc-${String(d).padStart(5, '0')}.md`;
    if (documents.length === d)
      documents.push({
        id: doc,
        path: doc,
        collection: name(collectionOf[label] ?? 0),
        meta: { title: `Report ${d + 1}` } as StoredDocument['meta'],
        contentHash: `hash-${d}`,
        size: 0,
        mtimeMs: 0,
        paragraphCount: PER_DOCUMENT,
        quotes: [],
        aliases: [],
      });
    const paragraph = label % PER_DOCUMENT;
    return { label, id: `${doc}#${paragraph}`, doc, paragraph, text, start: 0, end: text.length, quotes: [] };
  });
  const vectors = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => {
    vectors.set(row, i * dimensions);
  });
  const manifest = {
    formatVersion: 1,
    pipeline: 'bench',
    embedder: { id: 'local', dimensions },
    corpusDir: 'generated',
    builtAt: new Date().toISOString(),
    chunkCount: chunks.length,
    documents: {},
    problems: [],
  };
  return { manifest, documents, chunks, vectors } as unknown as IndexData;
}

interface Figures {
  share: string;
  allowed: number;
  recallAt10: number;
  vector: Timing;
  lexical: Timing;
  retrieval: Timing;
}

/** Searches before measuring (the first pay for cold caches and plans): a few, searches are slow here. */
const WARM_UP = 5;

async function measure(
  vectorSearch: VectorSearch,
  lexical: LexicalSearch,
  collections: string[] | undefined,
  count = queries.length,
): Promise<Omit<Figures, 'share' | 'allowed' | 'recallAt10'> & { top10: number[][] }> {
  const vectorTimes: number[] = [];
  const lexicalTimes: number[] = [];
  const both: number[] = [];
  const top10: number[][] = [];
  for (const [i, query] of queries.slice(0, count).entries()) {
    const at = performance.now();
    const hits = await vectorSearch.nearest(
      queryVectors[i] ?? [],
      CANDIDATES,
      collections ? { collections } : {},
    );
    const middle = performance.now();
    await lexical.search({ text: query, limit: CANDIDATES });
    const end = performance.now();
    vectorTimes.push(middle - at);
    lexicalTimes.push(end - middle);
    both.push(end - at);
    top10.push(hits.slice(0, 10).map((hit) => hit.label));
  }
  return { vector: timing(vectorTimes), lexical: timing(lexicalTimes), retrieval: timing(both), top10 };
}

const database = `whosaid_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:5432/${database}` });
// Dropping the database (WITH FORCE) ends the pool's idle connections: expected, not a failure.
pool.on('error', () => {});
try {
  await migrate(pool, await loadMigrations('index'));
  log('publishing…');
  let started = performance.now();
  const data = indexData();
  await savePostgresIndex(pool, data, { collectionOf: (document) => document.collection ?? 'news' });
  const publishSeconds = (performance.now() - started) / 1000;
  log(`published in ${publishSeconds.toFixed(0)} s; reading as a replica…`);
  started = performance.now();
  const replica = await loadPostgresIndex(pool, 'local');
  if (!replica) throw new Error('nothing published');
  const loadSeconds = (performance.now() - started) / 1000;
  // Replica labels follow the documents' order, as the generated ones do: check rather than assume.
  // A sample of labels (a replica reads chunks on demand): their documents must be the generated ones'.
  const sample = data.chunks.filter((_, label) => label % 997 === 0);
  if (sample.some((chunk) => replica.store?.documentOf(chunk.label) !== chunk.doc))
    throw new Error('replica labels differ from the generated ones');
  const exactAll = new ExactVectorIndex(rows, dimensions);
  log('measuring…');
  await measure(replica.vectorSearch, replica.lexical, undefined, WARM_UP);
  const unfiltered = await measure(replica.vectorSearch, replica.lexical, undefined);
  const results: Figures[] = [
    {
      share: 'all (unfiltered)',
      allowed: rows.length,
      recallAt10: recall(
        unfiltered.top10,
        queryVectors.map((query) => exactAll.search(query, 10).map((hit) => hit.label)),
      ),
      ...unfiltered,
    },
  ];
  for (const count of [1, 5, 25]) {
    const collections = Array.from({ length: count }, (_, i) => name(i));
    const labels = collectionOf.flatMap((collection, label) => (collection < count ? [label] : []));
    const allowed = new Set(labels);
    const lexical = replica.lexical.restrictedTo({ labels, size: rows.length, collections });
    await measure(replica.vectorSearch, lexical, collections, WARM_UP);
    const measured = await measure(replica.vectorSearch, lexical, collections);
    if (measured.top10.some((top) => top.some((label) => !allowed.has(label))))
      throw new Error('a filtered search returned another collection’s chunk');
    const exact = new ExactVectorIndex(
      labels.map((label) => rows[label] ?? []),
      dimensions,
    );
    const truth = queryVectors.map((query) => exact.search(query, 10).map((hit) => labels[hit.label] ?? -1));
    results.push({
      share: `${count}% (${count} collection${count === 1 ? '' : 's'})`,
      allowed: labels.length,
      recallAt10: recall(measured.top10, truth),
      ...measured,
    });
  }
  const server = await settings();
  const loadAverage = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ')[0] ?? '?';
  const markdown = render(results, { publishSeconds, loadSeconds, server, loadAverage });
  await writeMarkdownSection('docs/benchmarks.md', 'bench-postgres-collections', markdown, 'Benchmarks');
  process.stdout.write(markdown);
} finally {
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}

async function settings() {
  const show = async (setting: string) =>
    (await pool.query<Record<string, string>>(`SHOW ${setting}`)).rows[0]?.[setting] ?? '?';
  return {
    version: await show('server_version'),
    pgvector:
      (await pool.query<{ v: string }>("SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'"))
        .rows[0]?.v ?? '?',
    sharedBuffers: await show('shared_buffers'),
    workMem: await show('work_mem'),
    maxScanTuples: await show('hnsw.max_scan_tuples'),
  };
}

function render(
  results: Figures[],
  run: {
    publishSeconds: number;
    loadSeconds: number;
    server: Awaited<ReturnType<typeof settings>>;
    loadAverage: string;
  },
): string {
  const ms = (value: number) => value.toFixed(2);
  const base = results[0];
  const lines = results.map((row) => {
    const ratio = (of: (figures: Figures) => Timing) =>
      base ? `${(of(row).p50 / of(base).p50).toFixed(2)}×` : '–';
    return `| ${row.share} | ${row.allowed.toLocaleString('en')} | ${row.recallAt10.toFixed(3)} | ${ms(row.vector.p50)} / ${ms(row.vector.p95)} | ${ratio((f) => f.vector)} | ${ms(row.lexical.p50)} / ${ms(row.lexical.p95)} | ${ms(row.retrieval.p50)} / ${ms(row.retrieval.p95)} | ${ratio((f) => f.retrieval)} |`;
  });
  const { server } = run;
  return `## Collections: filtered retrieval (PostgreSQL backend)

\`npm run bench:postgres-collections\`, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores shared with other work (load average
${run.loadAverage} at the end), Node ${process.version}, PostgreSQL ${server.version}, pgvector ${server.pgvector}, shared_buffers
${server.sharedBuffers}, work_mem ${server.workMem}. The corpus, collections and queries of the files backend's table above
(${rows.length.toLocaleString('en')} paragraphs in ${COLLECTIONS} collections, ${queryCount} queries, ${CANDIDATES} candidates per ranking), published through
the real writer in ${run.publishSeconds.toFixed(0)} s (${Math.round(rows.length / run.publishSeconds).toLocaleString('en')} paragraphs/s, HNSW m ${HNSW_BUILD.m}, ef_construction ${HNSW_BUILD.efConstruction}, maintenance_work_mem 512MB
while it builds) and read by a replica in ${run.loadSeconds.toFixed(1)} s. Each search is one round trip over loopback:
vectors by the HNSW index with \`hnsw.ef_search\` 200 and, when filtered, \`hnsw.iterative_scan = relaxed_order\`
(hnsw.max_scan_tuples ${server.maxScanTuples}) with \`collection = ANY(…)\` in the same statement; keywords by the GIN index over our
terms, BM25+ computed in SQL (the files backend's ranking), restricted in the same statement. recall@10 is against the
exact scan of the allowed rows. Latencies in ms, p50 / p95.

| collections read | paragraphs | recall@10 | vector | vector vs unfiltered (p50) | BM25 | vector + BM25 | vs unfiltered (p50) |
|---|---|---|---|---|---|---|---|
${lines.join('\n')}
`;
}
