/**
 * `npm run bench:postgres-large`: the PostgreSQL backend at a size the files backend cannot build in
 * memory here (default 1,000,000 generated paragraphs, never committed): `whosaid ingest`'s streaming
 * writer (throughput, peak memory, the HNSW build), the database's size, a replica's load time and
 * memory, `ask` p50/p95, and pgvector's recall@10 against an exact scan of every row — done in
 * PostgreSQL too, since no process here holds the vectors. Each phase runs in a process of its own so
 * its memory is its own. The benchmark's database gets `--build-memory` as its maintenance_work_mem
 * (the writer never lowers what an operator set: save-postgres-index.ts), so the HNSW graph can be
 * built in memory. Needs the local server (DESIGN.md, "PostgreSQL"); uses a database of its own and
 * drops it. Writes its section of docs/benchmarks.md. Not a test: no thresholds.
 *   tsx bench/postgres-large.ts [--paragraphs N] [--queries N] [--build-memory 8GB]
 *   tsx bench/postgres-large.ts ingest URL CORPUS INDEX   (child phase: prints one JSON line)
 *   tsx bench/postgres-large.ts replica URL N             (child phase: prints one JSON line)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pgvector from 'pgvector';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { ask } from '../src/answer/ask.js';
import { findQuotesFor } from '../src/answer/find-quotes.js';
import { createSearchContext } from '../src/answer/search-context.js';
import { migrate } from '../src/db/migrate.js';
import { loadMigrations } from '../src/db/migrations.js';
import { createEmbedder } from '../src/index/embedder.js';
import { loadPostgresIndex } from '../src/index/postgres/load-postgres-index.js';
import { HNSW_BUILD } from '../src/index/postgres/postgres-index-sql.js';
import { streamIngestToPostgres } from '../src/index/postgres/stream-postgres-ingest.js';
import { Wordnet } from '../src/text/wordnet.js';
import { withBenchDatabase } from './bench-database.js';
import { generateCorpus } from './generate-corpus.js';
import { serverSettings, timing } from './postgres-figures.js';

const PARAGRAPHS_PER_DOCUMENT = 100;
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The streaming writer, timed as a whole and in its HNSW build (its 'build' phase). */
async function ingestPhase(url: string, corpusDir: string, indexDir: string) {
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const pool = new pg.Pool({ connectionString: url });
  const started = performance.now();
  let buildStarted = 0;
  let buildSeconds = 0;
  let lastReport = started;
  const result = await streamIngestToPostgres(pool, {
    corpusDir,
    indexDir,
    embedder,
    onProgress: ({ phase, done, total }) => {
      const now = performance.now();
      if (phase === 'load' && now - lastReport > 60_000) {
        lastReport = now;
        process.stderr.write(`  ${done}/${total} documents, ${Math.round((now - started) / 1000)} s\n`);
      }
      if (phase === 'build' && done === 0) buildStarted = now;
      if (phase === 'build' && done === total) buildSeconds = (now - buildStarted) / 1000;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { seconds, buildSeconds, paragraphs: result.report.chunks, maxRssMb: maxRssMb() };
}

/** A replica: load, answer, and pgvector's recall@10 against the exact nearest rows. */
async function replicaPhase(url: string, count: number) {
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const pool = new pg.Pool({ connectionString: url });
  const started = performance.now();
  const replica = await loadPostgresIndex(pool, embedder.id);
  if (!replica) throw new Error('nothing published');
  const loadSeconds = (performance.now() - started) / 1000;
  const rssAfterLoadMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const context = createSearchContext(replica, embedder, new Wordnet());
  const labels = Array.from({ length: count }, (_, i) => (i * 7919) % replica.manifest.chunkCount);
  const sampled = await context.store.byLabel(labels);
  const questions = labels.map(
    (label) => `What did they say about ${sampled.get(label)?.text.split(' ').slice(2, 8).join(' ')}?`,
  );
  const times: number[] = [];
  for (const [i, question] of questions.entries()) {
    const began = performance.now();
    await ask(context, { question, k: 5 });
    // The first few warm the caches and the server's buffers; they are not counted.
    if (i >= Math.min(10, questions.length / 5)) times.push(performance.now() - began);
  }
  // Labels are the documents' order and each chunk's place in its document (load-postgres-index.ts).
  const first = new Map<string, number>();
  let next = 0;
  for (const document of replica.documents) {
    first.set(document.id, next);
    next += replica.manifest.documents[document.id]?.chunkCount ?? 0;
  }
  const at40 = await loadPostgresIndex(pool, embedder.id, { efSearch: 40 });
  const found = { ef200: 0, ef40: 0 };
  const searchTimes = { ef200: [] as number[], ef40: [] as number[] };
  let exactSeconds = 0;
  for (const question of questions) {
    const vector = await embedder.embeddings.embedQuery(question);
    const exactStarted = performance.now();
    // No index is on the bare column (the HNSW index is on its cast to a fixed dimension), so this
    // ordering is an exact scan of every row.
    const { rows } = await pool.query<{ document_id: string; position: number }>(
      'SELECT document_id, position FROM whosaid_chunks ORDER BY embedding <=> $1::vector LIMIT 10',
      [pgvector.toSql(vector)],
    );
    exactSeconds += (performance.now() - exactStarted) / 1000;
    const truth = new Set(rows.map((row) => (first.get(row.document_id) ?? -1e9) + row.position));
    for (const [name, index] of [
      ['ef200', replica],
      ['ef40', at40],
    ] as const) {
      if (!index) continue;
      const began = performance.now();
      const hits = await index.vectorSearch.nearest(vector, 10);
      searchTimes[name].push(performance.now() - began);
      found[name] += hits.filter((hit) => truth.has(hit.label)).length;
    }
  }
  // `/quote` by topic weighs every quote that may mention the topic's words (find-quotes.ts): a word
  // of one paragraph in ten, and a rarer pair.
  const quoteTopics: { topic: string; ms: number; hits: number }[] = [];
  // What was measured so far survives a failure below (stderr).
  process.stderr.write(
    `replica so far: ${JSON.stringify({ loadSeconds, ask: timing(times), found, exactSeconds })}\n`,
  );
  for (const topic of ['harbor', 'overdue levy']) {
    const began = performance.now();
    const found = await findQuotesFor(context, topic);
    quoteTopics.push({ topic, ms: performance.now() - began, hits: found.hits.length });
  }
  await pool.end();
  return {
    quoteTopics,
    chunks: replica.manifest.chunkCount,
    loadSeconds,
    rssAfterLoadMb,
    maxRssMb: maxRssMb(),
    ask: timing(times),
    recall: {
      ef200: { recallAt10: found.ef200 / (questions.length * 10), search: timing(searchTimes.ef200) },
      ef40: { recallAt10: found.ef40 / (questions.length * 10), search: timing(searchTimes.ef40) },
    },
    exactScanSeconds: exactSeconds / questions.length,
    queries: questions.length,
  };
}

function child<T>(args: string[]): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/postgres-large.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as T;
}

async function main() {
  const { values } = parseArgs({
    options: {
      paragraphs: { type: 'string', default: '1000000' },
      queries: { type: 'string', default: '50' },
      'build-memory': { type: 'string', default: '8GB' },
    },
  });
  const paragraphs = Number(values.paragraphs);
  const buildMemory = values['build-memory'] ?? '8GB';
  if (!/^\d+(kB|MB|GB)$/.test(buildMemory)) throw new Error('--build-memory is a size such as 8GB');
  const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-pg-large-'));
  try {
    await withBenchDatabase(async (url) => {
      const corpus = join(work, 'corpus');
      process.stderr.write(`bench:postgres-large: generating ${paragraphs} paragraphs…\n`);
      await generateCorpus(corpus, Math.ceil(paragraphs / PARAGRAPHS_PER_DOCUMENT), PARAGRAPHS_PER_DOCUMENT);
      const pool = new pg.Pool({ connectionString: url });
      await migrate(pool, [...(await loadMigrations('state')), ...(await loadMigrations('index'))]);
      const name = (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '';
      await pool.query(
        `ALTER DATABASE ${pg.escapeIdentifier(name)} SET maintenance_work_mem = '${buildMemory}'`,
      );
      await pool.end();
      process.stderr.write('bench:postgres-large: streaming ingest…\n');
      const ingest = child<Awaited<ReturnType<typeof ingestPhase>>>([
        'ingest',
        url,
        corpus,
        join(work, 'index'),
      ]);
      process.stderr.write(`bench:postgres-large: ingest took ${ingest.seconds.toFixed(0)} s; replica…\n`);
      const replica = child<Awaited<ReturnType<typeof replicaPhase>>>([
        'replica',
        url,
        values.queries ?? '50',
      ]);
      const server = await serverSettings(url);
      const result = { ingest, replica, server };
      console.log(JSON.stringify(result));
      await writeMarkdownSection('docs/benchmarks.md', 'bench:postgres-large', render(result), 'Benchmarks');
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function render(r: {
  ingest: Awaited<ReturnType<typeof ingestPhase>>;
  replica: Awaited<ReturnType<typeof replicaPhase>>;
  server: Awaited<ReturnType<typeof serverSettings>>;
}): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const { ingest, replica: q, server } = r;
  const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ')[0] ?? '?';
  return `## The PostgreSQL backend at ${ingest.paragraphs.toLocaleString('en')} paragraphs

Produced by \`npm run bench:postgres-large\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM (load average ${load} at the end). PostgreSQL ${server.version}, pgvector ${server.pgvector}, shared_buffers ${server.sharedBuffers}, maintenance_work_mem ${server.maintenanceWorkMem} for the benchmark's database, max_parallel_maintenance_workers ${server.parallelMaintenance}, HNSW m=${HNSW_BUILD.m}, ef_construction=${HNSW_BUILD.efConstruction}, hnsw.ef_search 200 per query. Generated corpus of ${(ingest.paragraphs / PARAGRAPHS_PER_DOCUMENT).toLocaleString('en')} documents of ${PARAGRAPHS_PER_DOCUMENT} paragraphs, local embeddings (384 dimensions); ${q.queries} questions.

| step | figure |
|---|---|
| \`whosaid ingest\`, streamed (read, attribute, chunk, embed, write each document; corpus tables; HNSW build; publish) | ${ingest.seconds.toFixed(0)} s (${Math.round(ingest.paragraphs / ingest.seconds).toLocaleString('en')} paragraphs/s), peak ${ingest.maxRssMb} MB |
| of which the HNSW build | ${ingest.buildSeconds.toFixed(0)} s |
| database size | ${server.sizeMb} MB |
| replica load (documents, corpus tables, chunk and term counts; nothing else) | ${q.loadSeconds.toFixed(1)} s, ${q.rssAfterLoadMb} MB resident after loading, ${q.maxRssMb} MB at most while answering |
| \`ask\` p50 / p95 | ${ms(q.ask.p50)} / ${ms(q.ask.p95)} |
| exact scan of every vector, one query (the recall baseline) | ${q.exactScanSeconds.toFixed(2)} s |
${q.quoteTopics.map((t) => `| \`/quote ${t.topic}\` (by topic) | ${ms(t.ms)}, ${t.hits.toLocaleString('en')} quotes |`).join('\n')}

| vector search | recall@10 vs exact scan | search alone p50 / p95 (one round trip, loopback) |
|---|---|---|
| pgvector ef_search 200 | ${(q.recall.ef200.recallAt10 * 100).toFixed(1)}% | ${ms(q.recall.ef200.search.p50)} / ${ms(q.recall.ef200.search.p95)} |
| pgvector ef_search 40 | ${(q.recall.ef40.recallAt10 * 100).toFixed(1)}% | ${ms(q.recall.ef40.search.p50)} / ${ms(q.recall.ef40.search.p95)} |

The files backend is not beside it at this size: its writer holds every chunk, vector and the hnswlib graph at once (about 13 GB by the slope measured in "The PostgreSQL index writers" below) and its ingest alone took about 30 minutes here; the 100,000-paragraph comparison above stands for it.`;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'ingest') {
  const [url = '', corpusDir = '', indexDir = ''] = rest;
  console.log(JSON.stringify(await ingestPhase(url, corpusDir, indexDir)));
} else if (mode === 'replica') {
  const [url = '', count = '50'] = rest;
  console.log(JSON.stringify(await replicaPhase(url, Number(count))));
} else {
  await main();
}
