/**
 * `npm run bench`: speed and memory on the bundled corpus and on a generated corpus of 100,000
 * paragraphs (made here, never committed). Writes its section of docs/benchmarks.md. Not a test: no thresholds.
 * Options: --paragraphs N (size of the generated corpus), --queries N.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: { paragraphs: { type: 'string', default: '100000' }, queries: { type: 'string', default: '200' } },
});
const paragraphs = Number(values.paragraphs);
const perDocument = 100;
const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-'));

interface Timing {
  p50: number;
  p95: number;
}
/** What bench/phases.ts prints: one shape per phase, all fields present for the phase that ran. */
interface PhaseResult {
  seconds: number;
  paragraphs: number;
  documents: number;
  bytes: number;
  corpusBytes: number;
  maxRssMb: number;
  vectorSearch: { hnsw: Timing; exact: Timing };
  queries: number;
  hnsw: Timing;
  exact: Timing;
  recallAt10: number;
  kilobytes: number;
  quotes: number;
}

function phase(...args: string[]): PhaseResult {
  return runPhase('bench/phases.ts', args) as PhaseResult;
}

function runPhase(script: string, args: string[]): unknown {
  process.stderr.write(`bench: ${args[0]} ${args[1]}…\n`);
  const output = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

const generated = join(work, 'corpus');
process.stderr.write(`bench: generating ${paragraphs} paragraphs…\n`);
await generateCorpus(generated, Math.ceil(paragraphs / perDocument), perDocument);
const results = {
  bundled: {
    ingest: phase('ingest', 'corpus', join(work, 'bundled-index')),
    query: phase('query', 'corpus', join(work, 'bundled-index'), values.queries),
  },
  generated: {
    ingest: phase('ingest', generated, join(work, 'generated-index')),
    query: phase('query', generated, join(work, 'generated-index'), values.queries),
    extract: phase('extract', generated),
  },
};
const swaps = runPhase('bench/generations.ts', ['swaps', join(work, 'generated-index'), '20']) as SwapsResult;
const unreleased = runPhase('bench/generations.ts', [
  'swaps',
  join(work, 'generated-index'),
  '20',
  'leak',
]) as SwapsResult;
// Last: it edits a document of the generated corpus.
const reuse = runPhase('bench/generations.ts', [
  'reuse',
  generated,
  join(work, 'reuse-index'),
]) as ReuseResult;
await rm(work, { recursive: true, force: true });

interface ReingestResult {
  seconds: number;
  requests: number;
  texts: number;
  chunks: number;
  rerun: string[];
  changedDocumentChunks: number;
}
interface ReuseResult {
  initial: ReingestResult;
  attribution: ReingestResult;
  fromNothing: ReingestResult;
  oneDocument: ReingestResult;
}
interface SwapsResult {
  swaps: number;
  rss: number[];
  secondsPerSwap: number;
  maxBlockedMs: number;
  maxRssMb: number;
}

const growth = (r: SwapsResult) => (r.rss.at(-1) ?? 0) / (r.rss[1] ?? 1) - 1;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const row = (name: string, r: { ingest: PhaseResult; query: PhaseResult }) => {
  const throughput = r.ingest.paragraphs / r.ingest.seconds;
  const kbPerSecond = r.ingest.corpusBytes / 1024 / r.ingest.seconds;
  const ratio = r.query.exact.p50 / r.query.hnsw.p50;
  const { hnsw, exact } = r.query.vectorSearch;
  return `| ${name} | ${r.ingest.paragraphs.toLocaleString('en')} | ${r.ingest.seconds.toFixed(1)} s (${Math.round(throughput).toLocaleString('en')} paragraphs/s, ${Math.round(kbPerSecond).toLocaleString('en')} KB/s) | ${mb(r.ingest.bytes)} | ${r.ingest.maxRssMb} MB / ${r.query.maxRssMb} MB | ${ms(r.query.hnsw.p50)} / ${ms(r.query.hnsw.p95)} | ${ms(r.query.exact.p50)} / ${ms(r.query.exact.p95)} | ${ratio.toFixed(1)}× | ${ms(hnsw.p50)} vs ${ms(exact.p50)} (${(exact.p50 / hnsw.p50).toFixed(0)}×) | ${(r.query.recallAt10 * 100).toFixed(1)}% |`;
};
const extract = results.generated.extract;
const reuseRow = (name: string, r: ReingestResult) =>
  `| ${name} | ${r.requests.toLocaleString('en')} | ${r.texts.toLocaleString('en')} | ${r.seconds.toFixed(1)} s |`;
const markdown = `## Speed and memory

Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}. Local embeddings (${'local-hash-v1:384'}), hnswlib M=16, efConstruction=200, ef=200. Each phase runs in its own process; memory is that process's peak RSS.

| corpus | paragraphs | ingest (load, extract quotes, embed, build, write) | index on disk | peak memory ingest / query | \`ask\` p50 / p95 with hnswlib | \`ask\` p50 / p95 with exact scan | \`ask\` exact ÷ hnswlib (p50) | vector search alone p50, hnswlib vs exact | hnswlib recall@10 vs exact |
|---|---|---|---|---|---|---|---|---|---|
${row('bundled (5 documents)', results.bundled)}
${row(`generated (${results.generated.ingest.documents} documents)`, results.generated)}

\`ask\` latency is the whole offline pipeline (question analysis with WordNet, embedding, vector search, BM25, fusion, support judgement, extractive answer) over ${results.generated.query.queries} questions, after one warm-up pass.

Quote extraction throughput on the generated corpus: ${(extract.kilobytes / extract.seconds).toFixed(0)} KB/s (${extract.kilobytes.toFixed(0)} KB in ${extract.seconds.toFixed(1)} s, ${extract.quotes.toLocaleString('en')} quotes).

### Never paying twice for the same vectors

Re-ingesting the generated corpus (${reuse.initial.chunks.toLocaleString('en')} passages) with OpenAI-compatible embeddings: the real \`@langchain/openai\` client against the local stand-in server (test/support/openai-stand-in.ts), which counts the requests; it runs in the same process, so the times include its work.

| run | embedding requests | texts embedded | time |
|---|---|---|---|
${reuseRow('first ingest (empty cache)', reuse.initial)}
${reuseRow(`after a change to quote attribution (steps re-run: ${reuse.attribution.rerun.join(', ') || 'none'})`, reuse.attribution)}
${reuseRow('index folder deleted, rebuilt from nothing (the cache beside it stays)', reuse.fromNothing)}
${reuseRow(`one document edited (one paragraph changed, one added; the document has ${reuse.oneDocument.changedDocumentChunks} passages)`, reuse.oneDocument)}

The first ingest embeds each distinct text once (the generated corpus repeats some sentences). After an attribution change the texts, and so the vector graph, are the same: only attribution and the keyword index are redone.

### Memory across swaps

${swaps.swaps} consecutive swaps of the generated index (${results.generated.ingest.paragraphs.toLocaleString('en')} paragraphs) in one process, each with a question in flight across the swap and one after (\`LiveIndex\`, no forced garbage collection): resident memory ${swaps.rss[0]} MB with the first generation loaded, **${swaps.rss[1]} MB after the first swap, ${swaps.rss.at(-1)} MB after the ${swaps.swaps}th** (${(((swaps.rss.at(-1) ?? 0) / (swaps.rss[1] ?? 1) - 1) * 100).toFixed(1)}%); highest after any swap ${Math.max(...swaps.rss.slice(1))} MB, peak ${swaps.maxRssMb} MB. Reading a generation from disk takes ${swaps.secondsPerSwap.toFixed(1)} s on average, of which the main thread is blocked (parsing its JSON, preparing the search context) for at most ${(swaps.maxBlockedMs / 1000).toFixed(1)} s at a time: the longest pause an acknowledgement can see during a swap at this size.

RSS after each swap (MB): ${swaps.rss.slice(1).join(', ')}.

Control run, with old generations' hnswlib graphs left to the garbage collector instead of released when their last answer ends: ${unreleased.rss[1]} MB after the first swap, ${unreleased.rss.at(-1)} MB after the ${unreleased.swaps}th (${(((unreleased.rss.at(-1) ?? 0) / (unreleased.rss[1] ?? 1) - 1) * 100).toFixed(1)}%), highest ${Math.max(...unreleased.rss.slice(1))} MB${growth(unreleased) > 0.1 ? ': native memory does not press V8 to collect, so unreleased graphs pile up' : ' (in this run the collector kept up)'}.
`;
await writeMarkdownSection('docs/benchmarks.md', 'bench', markdown, 'Benchmarks');
process.stdout.write(markdown);
