/**
 * Child process for the writer-lock and hostile-input tests: one `ingest` of CORPUS_DIR into INDEX_DIR, as a second
 * process would run it. Its notices go to stderr, one per line; the files it skipped, with why, and then
 * `done N` (documents indexed) go to stdout. With --hold it stops once it holds the
 * lock and has loaded the corpus, prints "holding", and goes on only when a line arrives on stdin — so
 * a test can start another writer, or kill this one, while it certainly holds the lock.
 * Usage: tsx index-writer.ts CORPUS_DIR INDEX_DIR [--hold]
 */
import { readSync } from 'node:fs';
import { createEmbedder } from '../../src/index/embedder.js';
import { ingest } from '../../src/index/ingest.js';

const [corpusDir, indexDir, flag] = process.argv.slice(2);
if (!corpusDir || !indexDir) throw new Error('usage: index-writer.ts CORPUS_DIR INDEX_DIR [--hold]');
let held = flag !== '--hold';
const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const { report } = await ingest({
  corpusDir,
  indexDir,
  embedder,
  notify: (message) => process.stderr.write(`${message}\n`),
  onProgress: (progress) => {
    if (held || progress.phase !== 'load') return;
    held = true;
    process.stdout.write('holding\n');
    // Blocks this process (not only this callback) until the test writes a line: nothing of the
    // ingest runs meanwhile, so the lock is certainly held for as long as the test needs.
    readSync(0, Buffer.alloc(1));
  },
});
for (const problem of report.problems) process.stdout.write(`skipped ${problem.path}: ${problem.reason}\n`);
process.stdout.write(`done ${report.documents}\n`);
