/**
 * `npm run bench:postgres-writer`: the two writers of the PostgreSQL index on generated corpora of two
 * sizes — `whosaid ingest` streaming documents one at a time (stream-postgres-ingest.ts) against the
 * files writer that builds the whole index and then publishes it (ingest + savePostgresIndex) — each
 * in a process of its own, for its wall time and peak memory (maxRSS). What matters is how peak
 * memory grows with the corpus: in proportion for the files writer, far less for the streaming one.
 * Needs the local server (DESIGN.md, "PostgreSQL"); each run uses a database of its own and drops it.
 * Writes its section of docs/benchmarks.md. Not a test: no thresholds.
 *   tsx bench/postgres-writer.ts [--sizes 10000,40000]
 *   tsx bench/postgres-writer.ts phase stream|files URL CORPUS INDEX   (child: prints one JSON line)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { migrate } from '../src/db/migrate.js';
import { loadMigrations } from '../src/db/migrations.js';
import { createEmbedder } from '../src/index/embedder.js';
import { ingest } from '../src/index/ingest.js';
import { savePostgresIndex } from '../src/index/postgres/save-postgres-index.js';
import { streamIngestToPostgres } from '../src/index/postgres/stream-postgres-ingest.js';
import { withBenchDatabase } from './bench-database.js';
import { generateCorpus } from './generate-corpus.js';

const PARAGRAPHS_PER_DOCUMENT = 100;

interface PhaseResult {
  seconds: number;
  paragraphs: number;
  maxRssMb: number;
}

async function phase(kind: string, url: string, corpusDir: string, indexDir: string): Promise<PhaseResult> {
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const pool = new pg.Pool({ connectionString: url });
  const started = performance.now();
  let paragraphs: number;
  if (kind === 'stream') {
    paragraphs = (await streamIngestToPostgres(pool, { corpusDir, indexDir, embedder })).report.chunks;
  } else {
    const { index } = await ingest({ corpusDir, indexDir, embedder });
    await savePostgresIndex(pool, index);
    paragraphs = index.chunks.length;
  }
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { seconds, paragraphs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  return withBenchDatabase(async (url) => {
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool, await loadMigrations('index'));
    await pool.end();
    return work(url);
  });
}

function runPhase(kind: 'stream' | 'files', url: string, corpus: string, indexDir: string): PhaseResult {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/postgres-writer.ts', 'phase', kind, url, corpus, indexDir],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as PhaseResult;
}

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,40000' } } });
  const sizes = (values.sizes ?? '').split(',').map(Number);
  const rows: string[] = [];
  for (const size of sizes) {
    const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-writer-'));
    try {
      const corpus = join(work, 'corpus');
      process.stderr.write(`bench:postgres-writer: generating ${size} paragraphs…\n`);
      await generateCorpus(corpus, Math.ceil(size / PARAGRAPHS_PER_DOCUMENT), PARAGRAPHS_PER_DOCUMENT);
      for (const kind of ['stream', 'files'] as const) {
        process.stderr.write(`bench:postgres-writer: ${kind} writer, ${size} paragraphs…\n`);
        const result = await withDatabase(async (url) =>
          runPhase(kind, url, corpus, join(work, `index-${kind}`)),
        );
        const writer =
          kind === 'stream'
            ? '`whosaid ingest` (streamed, one document at a time)'
            : 'files index, then published';
        rows.push(
          `| ${writer} | ${result.paragraphs.toLocaleString('en')} | ${result.seconds.toFixed(1)} s | ` +
            `${Math.round(result.paragraphs / result.seconds).toLocaleString('en')} | ${result.maxRssMb} MB |`,
        );
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  const body =
    `Each writer in a process of its own, local embeddings (no service), a fresh database each run, ` +
    `generated documents of ${PARAGRAPHS_PER_DOCUMENT} paragraphs. Peak memory is the process's maxRSS.\n\n` +
    '| writer | paragraphs | wall time | paragraphs/s | peak memory |\n|---|---|---|---|---|\n' +
    `${rows.join('\n')}\n`;
  await writeMarkdownSection(
    'docs/benchmarks.md',
    'postgres-writer',
    body,
    'The PostgreSQL index writers: memory as the corpus grows',
  );
  process.stdout.write(body);
}

const [mode, kind = '', url = '', corpusDir = '', indexDir = ''] = process.argv.slice(2);
if (mode === 'phase')
  process.stdout.write(`${JSON.stringify(await phase(kind, url, corpusDir, indexDir))}\n`);
else await main();
