/**
 * `npm run bench:long-line`: end-to-end `whosaid ingest` (the built binary: loading, paragraph splitting,
 * quote extraction, chunking, embedding, writing) of a corpus holding one single-line .txt file of
 * 1.25, 2.5 and 5 MB — the shape that once ran for over ten minutes (issue "Never hang on a document").
 * The text is the seeded synthetic news of generate-corpus.ts with its line breaks removed. Writes its
 * section of docs/benchmarks.md. Not a test: no thresholds (test/quotes/long-input.test.ts asserts the
 * scaling as a ratio).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';
import { generateCorpus } from './generate-corpus.js';

const BIN = 'bin/whosaid.js';
const SIZES = [1.25e6, 2.5e6, 5e6];
const work = await mkdtemp(join(tmpdir(), 'whosaid-long-line-'));

/** One line of about `bytes` bytes, cut at a sentence end. */
async function singleLine(bytes: number): Promise<string> {
  const generated = join(work, 'generated');
  // Paragraphs average ~100 bytes: enough of them for the size asked.
  await generateCorpus(generated, 1, Math.ceil(bytes / 70));
  const [file] = await readdir(generated);
  const text = await readFile(join(generated, file ?? ''), 'utf8');
  const body = text.slice(text.indexOf('\n---\n') + 5).replace(/\n+/g, ' ');
  return body.slice(0, body.lastIndexOf('. ', bytes) + 1);
}

interface Run {
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  passages: string;
}

function ingest(corpusDir: string, indexDir: string, bytes: number): Run {
  const started = process.hrtime.bigint();
  // GNU time: peak resident memory in KB (%M) and user + system CPU seconds, printed last on stderr.
  // CPU time is the steadier figure on a shared machine, where wall time depends on the load.
  const child = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'maxrss=%M cpu=%U+%S',
      process.execPath,
      BIN,
      'ingest',
      '--corpus',
      corpusDir,
      '--index',
      indexDir,
    ],
    { encoding: 'utf8' },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`ingest failed: ${child.stderr}`);
  return {
    bytes,
    seconds,
    maxRssMb: Number(/maxrss=(\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024,
    cpuSeconds: (/cpu=([\d.]+)\+([\d.]+)/.exec(child.stderr) ?? [])
      .slice(1)
      .reduce((sum, value) => sum + Number(value), 0),
    passages: /\((\d[\d,]*) passages?\)/.exec(child.stdout)?.[1] ?? '?',
  };
}

const runs: Run[] = [];
for (const size of SIZES) {
  const corpusDir = join(work, `corpus-${size}`);
  const line = await singleLine(size);
  await mkdir(corpusDir, { recursive: true });
  await writeFile(join(corpusDir, 'one-line.txt'), `${line}\n`);
  const run = ingest(corpusDir, join(work, `index-${size}`), Buffer.byteLength(line) + 1);
  runs.push(run);
  process.stderr.write(`${(run.bytes / 1e6).toFixed(2)} MB: ${run.seconds.toFixed(1)} s\n`);
}
await rm(work, { recursive: true, force: true });
const rows = runs.map(
  (run) =>
    `| ${(run.bytes / 1e6).toFixed(2)} MB | ${run.passages} | ${run.seconds.toFixed(1)} s | ${run.cpuSeconds.toFixed(1)} s | ${run.maxRssMb.toFixed(0)} MB |`,
);
const largest = runs.at(-1);
const smallest = runs[0];
const ratio = largest && smallest ? largest.cpuSeconds / smallest.cpuSeconds : Number.NaN;
const markdown =
  '## A single-line document, end to end\n\n' +
  `Produced by \`npm run bench:long-line\` on ${new Date().toISOString().slice(0, 10)}: \`whosaid ingest\` (the built ` +
  'binary, local embeddings) of a corpus holding one `.txt` file that is a single line of seeded synthetic news ' +
  '(generate-corpus.ts without its line breaks), timed from spawn to exit: loading, paragraph splitting, quote ' +
  'extraction, chunking, embedding and writing the index. Target from the issue "Never hang on a document": ' +
  'a 5 MB single line in under 30 s.\n\n' +
  `| file | passages | wall time | CPU (user + system) | peak memory |\n|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
  `4× the input took ${ratio.toFixed(1)}× the CPU time. ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end, ` +
  `${process.platform} ${process.arch}, Node ${process.version}.\n`;
await writeMarkdownSection('docs/benchmarks.md', 'bench-long-line', markdown, 'Benchmarks');
process.stdout.write(markdown);
