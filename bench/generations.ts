/**
 * Index generations, one phase per child process (so each reports its own memory):
 *   tsx bench/generations.ts reuse CORPUS INDEX   → embedding requests and time of re-ingests
 *   tsx bench/generations.ts swaps INDEX N [leak] → resident memory across N swaps of the index
 *                                                   (`leak`: the control run, old graphs never released)
 *   tsx bench/generations.ts pauses INDEX          → the longest pause of this thread while a generation
 *                                                   is read here (readIndex) and in a worker
 *                                                   (loadGenerationInWorker, what serve does)
 *   tsx bench/generations.ts swap-pauses INDEX sync|sliced → the longest pause while serve swaps to a
 *                                                   new generation (read in the worker, then prepared)
 *                                                   and during the first questions after it; `sync`:
 *                                                   prepared at once, question tables built by the
 *                                                   first question (before), `sliced`: what serve does
 * `reuse` embeds through the real OpenAI client against the local OpenAI-compatible stand-in, which
 * counts the requests (it runs in the same process, so its own embedding work is in the times).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { correctQuestion, restoreNameCase } from '../src/answer/correct-question.js';
import { servedContextSteps } from '../src/answer/question-tables.js';
import { createSearchContext } from '../src/answer/search-context.js';
import { speakerByDescription } from '../src/answer/speaker-descriptions.js';
import { createBotServices } from '../src/bot-services.js';
import { createEmbedder } from '../src/index/embedder.js';
import { type IndexData, readIndex, readManifest } from '../src/index/index-store.js';
import { ingest } from '../src/index/ingest.js';
import { LiveIndex } from '../src/index/live-index.js';
import { loadGenerationInWorker } from '../src/index/load-in-worker.js';
import { releaseGraph } from '../src/index/serving-index.js';
import { HnswVectorIndex } from '../src/index/vector-index.js';
import { runNow } from '../src/run-in-slices.js';
import { Wordnet } from '../src/text/wordnet.js';
import { OpenAIStandIn } from '../test/support/openai-stand-in.js';

const [phase, first = '', second = '', third = ''] = process.argv.slice(2);
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

async function reusePhase(corpusDir: string, indexDir: string) {
  const standIn = new OpenAIStandIn();
  const baseURL = await standIn.start();
  const embedder = await createEmbedder({
    embeddings: 'openai',
    openai: {
      apiKey: 'sk-bench',
      baseURL,
      chatModel: 'none',
      embeddingModel: 'bench-embedding',
      timeoutMs: 60_000,
      maxRetries: 0,
    },
  });
  const run = async () => {
    standIn.requests.length = 0;
    const started = performance.now();
    const { report, index } = await ingest({ corpusDir, indexDir, embedder });
    const inputs = standIn.embeddingInputs();
    return {
      seconds: (performance.now() - started) / 1000,
      requests: inputs.length,
      texts: inputs.flat().length,
      chunks: report.chunks,
      rerun: report.rerun,
      changedDocumentChunks: index.chunks.filter((chunk) => report.changed.includes(chunk.doc)).length,
    };
  };
  const initial = await run();
  await pretendAttributionChanged(indexDir);
  const attribution = await run();
  await rm(indexDir, { recursive: true });
  const fromNothing = await run();
  await editOneDocument(corpusDir);
  const oneDocument = await run();
  await standIn.stop();
  return { initial, attribution, fromNothing, oneDocument };
}

async function pretendAttributionChanged(indexDir: string): Promise<void> {
  const path = join(indexDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  manifest.steps.quotes = 'older-attribution';
  await writeFile(path, JSON.stringify(manifest));
}

/** Rewrites the last paragraph of the first document and adds one. */
async function editOneDocument(corpusDir: string): Promise<void> {
  const name = (await readdir(corpusDir)).sort()[0] ?? '';
  const path = join(corpusDir, name);
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  const last = lines.length - 1;
  lines[last] = `${lines[last]} The council will meet again on Monday.`;
  lines.push('A spokesperson said the review would end next month.');
  await writeFile(path, `${lines.join('\n')}\n`);
}

async function swapsPhase(indexDir: string, swaps: number, leak: boolean) {
  // The control: what memory does when old generations' native graphs wait for garbage collection.
  if (leak) HnswVectorIndex.prototype.release = () => {};
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const wordnet = new Wordnet();
  // As serve does: each generation prepared in slices, with the tables questions are read with.
  const steps = (index: IndexData) => servedContextSteps(index, embedder, wordnet);
  const live = new LiveIndex(await readIndex(indexDir, { embedderId: embedder.id }), {
    prepare: (index) => runNow(steps(index)),
    prepareSteps: steps,
    release: releaseGraph,
  });
  const services = createBotServices(live, { k: 5 });
  // The process's first question loads what every question uses (lexicons, compiled code): not a swap's cost.
  await services.ask('Who spoke about the housing plan?');
  const rss: number[] = [rssMb()];
  const seconds: number[] = [];
  // How long the thread that acknowledges Slack is blocked while a generation is read and swapped in.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  for (let i = 0; i < swaps; i++) {
    // A question in flight across every swap: it must finish on the generation it started with.
    const inFlight = services.ask('What did they say about the transit budget?');
    const started = performance.now();
    await live.swapInSlices(await loadGenerationInWorker({ indexDir, embedderId: embedder.id }));
    seconds.push((performance.now() - started) / 1000);
    await inFlight;
    await services.ask('Who spoke about the housing plan?');
    rss.push(rssMb());
  }
  delay.disable();
  return {
    swaps,
    rss,
    secondsPerSwap: seconds.reduce((a, b) => a + b, 0) / seconds.length,
    maxBlockedMs: Math.round(delay.max / 1e6),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * The longest pause of this thread's event loop while a generation is read, both ways, and how long
 * the synchronous preparation of the search context (createSearchContext, run at the swap) takes.
 */
async function pausesPhase(indexDir: string) {
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const wordnet = new Wordnet();
  const measure = async (read: () => Promise<Awaited<ReturnType<typeof readIndex>>>) => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    // A timer keeps the loop turning, as incoming requests would, so every pause is seen.
    const timer = setInterval(() => {}, 5);
    delay.enable();
    const started = performance.now();
    const index = await read();
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    clearInterval(timer);
    const prepareStarted = performance.now();
    createSearchContext(index, embedder, wordnet);
    const prepareMs = Math.round(performance.now() - prepareStarted);
    index.hnsw.release();
    return { seconds, longestPauseMs: Math.round(delay.max / 1e6), prepareMs };
  };
  return {
    chunks: (await readManifest(indexDir))?.chunkCount,
    here: await measure(() => readIndex(indexDir, { embedderId: embedder.id })),
    worker: await measure(() => loadGenerationInWorker({ indexDir, embedderId: embedder.id })),
    // Once more: the first start of a worker also loads its code.
    workerAgain: await measure(() => loadGenerationInWorker({ indexDir, embedderId: embedder.id })),
  };
}

/** How long `work` takes and the longest (and 99th-percentile) pause of this thread meanwhile. */
async function withPauses(work: () => Promise<unknown>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  // A timer keeps the loop turning, as incoming requests would, so every pause is seen.
  const timer = setInterval(() => {}, 5);
  delay.enable();
  // Its first tick starts the clock: a pause before it would not be recorded.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  // The histogram records a pause when its timer fires late: let it fire after synchronous work.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  clearInterval(timer);
  return {
    seconds: Math.round(seconds * 10) / 10,
    longestPauseMs: Math.round(delay.max / 1e6),
    p99Ms: Math.round(delay.percentile(99) / 1e6),
  };
}

/**
 * A swap as serve makes it, timed in three parts: reading the new generation (in the worker), the
 * swap itself (preparing what answers read), and the first questions on the new generation — one
 * with a typo, one with a name in lower case, one describing a speaker, each reading a table built
 * over every paragraph (question-tables.ts).
 */
async function swapPausesPhase(indexDir: string, how: string) {
  if (how !== 'sync' && how !== 'sliced') throw new Error('swap-pauses INDEX sync|sliced');
  const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
  const wordnet = new Wordnet();
  const steps = (index: IndexData) => servedContextSteps(index, embedder, wordnet);
  const live = new LiveIndex(await readIndex(indexDir, { embedderId: embedder.id }), {
    // sync: what serve did before (createSearchContext at the swap, tables on first need).
    prepare:
      how === 'sync'
        ? (index) => createSearchContext(index, embedder, wordnet)
        : (index) => runNow(steps(index)),
    ...(how === 'sliced' ? { prepareSteps: steps } : {}),
    release: releaseGraph,
  });
  const services = createBotServices(live, { k: 5 });
  await services.ask('Who spoke about the housing plan?');
  let next: IndexData | undefined;
  const load = await withPauses(async () => {
    next = await loadGenerationInWorker({ indexDir, embedderId: embedder.id });
  });
  const swap = await withPauses(async () => {
    if (!next) return;
    if (how === 'sliced') await live.swapInSlices(next);
    else live.swap(next);
  });
  const questions = async () => {
    await services.ask('What did ana ortiz say about the trnsit budget?');
    live.use((context) => {
      correctQuestion('what did the budget anlyst say', context);
      restoreNameCase('what did grace novak say', context);
      speakerByDescription('the city council member', context);
    });
  };
  const firstQuestions = await withPauses(questions);
  // The same again, every table built: what answering them costs by itself.
  const sameAgain = await withPauses(questions);
  return {
    how,
    chunks: next?.chunks.length,
    generation: live.generation,
    load,
    swap,
    firstQuestions,
    sameAgain,
  };
}

const phases: Record<string, () => Promise<unknown>> = {
  pauses: () => pausesPhase(first),
  reuse: () => reusePhase(first, second),
  'swap-pauses': () => swapPausesPhase(first, second),
  swaps: () => swapsPhase(first, Number(second || 20), third === 'leak'),
};
const run = phase ? phases[phase] : undefined;
if (!run) throw new Error(`unknown phase ${phase}; use reuse, swaps, pauses or swap-pauses`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
