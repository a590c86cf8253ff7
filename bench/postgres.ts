/**
 * `npm run bench:postgres`: the PostgreSQL backend on the generated corpus (default 100,000
 * paragraphs, made here, never committed) beside the files backend: publishing throughput, a
 * replica's load time and memory, pgvector's recall@10 against an exact scan, and `ask` p50/p95 on
 * both backends. Needs the local server (DESIGN.md, "PostgreSQL"); uses a database of its own and
 * drops it. Writes its section of docs/benchmarks.md. Not a test: no thresholds.
 *   tsx bench/postgres.ts [--paragraphs N] [--queries N]
 *   tsx bench/postgres.ts replica URL INDEX N   (child phase: prints one JSON line)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { ask } from '../src/answer/ask.js';
import { createSearchContext, type SearchContext } from '../src/answer/search-context.js';
import { migrate } from '../src/db/migrate.js';
import { loadMigrations } from '../src/db/migrations.js';
import { createEmbedder } from '../src/index/embedder.js';
import { readIndex } from '../src/index/index-store.js';
import { loadPostgresIndex } from '../src/index/postgres/load-postgres-index.js';
import { HNSW_BUILD } from '../src/index/postgres/postgres-index-sql.js';
import { savePostgresIndex } from '../src/index/postgres/save-postgres-index.js';
import { Wordnet } from '../src/text/wordnet.js';
import { withBenchDatabase } from './bench-database.js';
import { ExactVectorIndex } from './exact-vector-index.js';
import { generateCorpus } from './generate-corpus.js';
import { serverSettings, type Timing, timing } from './postgres-figures.js';

const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function timeAsks(context: SearchContext, questions: string[]): Promise<Timing> {
  const times: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await ask(context, { question, k: 5 });
    times.push(performance.now() - started);
  }
  return timing(times);
}

/** The child phase: everything a replica does, in a process of its own so its memory is its own. */
async function replicaPhase(url: string, indexDir: string, count: number) {
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const pool = new pg.Pool({ connectionString: url });
  let started = performance.now();
  const replica = await loadPostgresIndex(pool, embedder.id);
  if (!replica) throw new Error('nothing published');
  const loadSeconds = (performance.now() - started) / 1000;
  const replicaRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const replicaMaxRssMb = maxRssMb();
  const postgres = createSearchContext(replica, embedder, new Wordnet());
  const labels = Array.from({ length: count }, (_, i) => (i * 7919) % replica.manifest.chunkCount);
  const sampled = await postgres.store.byLabel(labels);
  const questions = labels.map(
    (label) => `What did they say about ${sampled.get(label)?.text.split(' ').slice(2, 8).join(' ')}?`,
  );
  await timeAsks(postgres, questions.slice(0, 20));
  const askPostgres = await timeAsks(postgres, questions);

  started = performance.now();
  const files = await readIndex(indexDir, { embedderId: embedder.id });
  const filesLoadSeconds = (performance.now() - started) / 1000;
  const filesContext = createSearchContext(files, embedder, new Wordnet());
  await timeAsks(filesContext, questions.slice(0, 20));
  const askFiles = await timeAsks(filesContext, questions);

  const { dimensions } = files.manifest.embedder;
  const exact = new ExactVectorIndex(
    files.chunks.map((chunk) =>
      files.vectors.subarray(chunk.label * dimensions, (chunk.label + 1) * dimensions),
    ),
    dimensions,
  );
  const idOf = (chunks: { id: string }[], label: number) => chunks[label]?.id ?? '';
  const recall: Record<string, { recallAt10: number; search: Timing }> = {};
  const at40 = await loadPostgresIndex(pool, embedder.id, { efSearch: 40 });
  for (const [name, index] of [
    ['pgvector ef_search 200', replica],
    ['pgvector ef_search 40', at40],
  ] as const) {
    if (!index) continue;
    let found = 0;
    const times: number[] = [];
    for (const question of questions) {
      const vector = await embedder.embeddings.embedQuery(question);
      const truth = new Set(exact.search(vector, 10).map((hit) => idOf(files.chunks, hit.label)));
      const began = performance.now();
      const hits = await index.vectorSearch.nearest(vector, 10);
      times.push(performance.now() - began);
      // Labels agree on both backends (the documents' order), so the files index names them.
      found += hits.filter((hit) => truth.has(idOf(files.chunks, hit.label))).length;
    }
    recall[name] = { recallAt10: found / (questions.length * 10), search: timing(times) };
  }
  let hnswFound = 0;
  for (const question of questions) {
    const vector = await embedder.embeddings.embedQuery(question);
    const truth = new Set(exact.search(vector, 10).map((hit) => hit.label));
    hnswFound += files.hnsw.search(vector, 10).filter((hit) => truth.has(hit.label)).length;
  }
  await pool.end();
  return {
    chunks: replica.manifest.chunkCount,
    loadSeconds,
    replicaRssMb,
    replicaMaxRssMb,
    filesLoadSeconds,
    askPostgres,
    askFiles,
    recall,
    hnswRecallAt10: hnswFound / (questions.length * 10),
    queries: questions.length,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      paragraphs: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '200' },
    },
  });
  const paragraphs = Number(values.paragraphs);
  const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-pg-'));
  try {
    await withBenchDatabase((url) => measure(url, work, paragraphs, values.queries ?? '200'));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function measure(url: string, work: string, paragraphs: number, queries: string) {
  const corpus = join(work, 'corpus');
  const indexDir = join(work, 'index');
  process.stderr.write(`bench:postgres: generating ${paragraphs} paragraphs…\n`);
  await generateCorpus(corpus, Math.ceil(paragraphs / 100), 100);
  process.stderr.write('bench:postgres: ingest (files)…\n');
  const ingest = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/phases.ts', 'ingest', corpus, indexDir], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1) ?? '{}',
  ) as { seconds: number; paragraphs: number };
  const pool = new pg.Pool({ connectionString: url });
  await migrate(pool, [...(await loadMigrations('state')), ...(await loadMigrations('index'))]);
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const files = await readIndex(indexDir, { embedderId: embedder.id });
  process.stderr.write('bench:postgres: publishing…\n');
  let started = performance.now();
  await savePostgresIndex(pool, files);
  const publishSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const edited = files.documents[0];
  if (!edited) throw new Error('no documents');
  await savePostgresIndex(pool, {
    ...files,
    documents: [{ ...edited, contentHash: 'edited' }, ...files.documents.slice(1)],
  });
  const republishOneSeconds = (performance.now() - started) / 1000;
  const size = (
    await pool.query<{ mb: string }>('SELECT round(pg_database_size(current_database()) / 1048576.0) AS mb')
  ).rows[0]?.mb;
  await pool.end();
  process.stderr.write('bench:postgres: replica…\n');
  const replica = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/postgres.ts', 'replica', url, indexDir, queries],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    )
      .trim()
      .split('\n')
      .at(-1) ?? '{}',
  ) as Awaited<ReturnType<typeof replicaPhase>>;
  const server = await serverSettings(url);
  const result = {
    paragraphs: ingest.paragraphs,
    ingest,
    publishSeconds,
    republishOneSeconds,
    size,
    replica,
    server,
  };
  console.log(JSON.stringify(result));
  await writeMarkdownSection('docs/benchmarks.md', 'bench:postgres', render(result), 'Benchmarks');
}

function render(r: {
  paragraphs: number;
  ingest: { seconds: number };
  publishSeconds: number;
  republishOneSeconds: number;
  size: string | undefined;
  replica: Awaited<ReturnType<typeof replicaPhase>>;
  server: Awaited<ReturnType<typeof serverSettings>>;
}): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const { replica: q } = r;
  const rows = Object.entries(q.recall).map(
    ([name, { recallAt10, search }]) =>
      `| ${name} | ${(recallAt10 * 100).toFixed(1)}% | ${ms(search.p50)} / ${ms(search.p95)} |`,
  );
  return `## The PostgreSQL backend

Produced by \`npm run bench:postgres\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM, shared with other work while it ran (load average ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ')[0] ?? '?'} at the end). PostgreSQL ${r.server.version}, pgvector ${r.server.pgvector}, shared_buffers ${r.server.sharedBuffers}, maintenance_work_mem ${r.server.maintenanceWorkMem} (the writer raises it to at least 512MB for its session while it builds the HNSW index), HNSW m=${HNSW_BUILD.m}, ef_construction=${HNSW_BUILD.efConstruction} (as hnswlib's build here), hnsw.ef_search 200 per query (as hnswlib's ef). Generated corpus of ${r.paragraphs.toLocaleString('en')} paragraphs; ${q.queries} questions.

| step | figure |
|---|---|
| ingest into files (load, quotes, embed, hnswlib, write) | ${r.ingest.seconds.toFixed(1)} s |
| publish to PostgreSQL (multi-row INSERTs, one transaction per document, then the HNSW index) | ${r.publishSeconds.toFixed(1)} s (${Math.round(r.paragraphs / r.publishSeconds).toLocaleString('en')} paragraphs/s) |
| publish again with one document changed | ${r.republishOneSeconds.toFixed(1)} s |
| database size | ${r.size} MB |
| replica load (documents, corpus tables, chunk counts and term counts; chunks read on demand, no vectors, no keyword index) | ${q.loadSeconds.toFixed(1)} s, ${q.replicaRssMb} MB resident after loading |
| files backend load of the same index (with vectors and hnswlib graph), for comparison | ${q.filesLoadSeconds.toFixed(1)} s |
| \`ask\` p50 / p95, vectors searched in PostgreSQL | ${ms(q.askPostgres.p50)} / ${ms(q.askPostgres.p95)} |
| \`ask\` p50 / p95, files backend (hnswlib in memory) | ${ms(q.askFiles.p50)} / ${ms(q.askFiles.p95)} |
| hnswlib recall@10 vs exact scan (ef 200) | ${(q.hnswRecallAt10 * 100).toFixed(1)}% |

| vector search | recall@10 vs exact scan | search alone p50 / p95 (one round trip, loopback) |
|---|---|---|
${rows.join('\n')}

1,000,000 paragraphs: \`npm run bench:postgres-large\` (below) measures the PostgreSQL backend at that size with the streaming writer; the files backend cannot be built beside it in this machine's memory.`;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'replica') {
  const [url = '', indexDir = '', count = '200'] = rest;
  console.log(JSON.stringify(await replicaPhase(url, indexDir, Number(count))));
} else {
  await main();
}
