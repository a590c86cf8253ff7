import { relative, resolve } from 'node:path';
import { createSearchContext, type SearchContext } from '../answer/search-context.js';
import { type Config, loadConfig } from '../config.js';
import { createEmbedder } from '../index/embedder.js';
import type { IngestReport } from '../index/ingest.js';
import { openIndex } from '../index/open-index.js';
import { Wordnet } from '../text/wordnet.js';
import { createProgressReporter } from './progress.js';

/** Flags shared by the commands that read the corpus. */
export interface CorpusFlags {
  corpus?: string;
  index?: string;
}

/** Configuration from the environment (and .env), with command-line flags taking precedence. */
export function configFor(flags: CorpusFlags = {}): Config {
  const config = loadConfig();
  return {
    ...config,
    corpusDir: flags.corpus ? resolve(flags.corpus) : config.corpusDir,
    indexDir: flags.index ? resolve(flags.index) : config.indexDir,
  };
}

/** Writes a notice for people on stderr (stdout is for answers and JSON). */
export function notice(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') ? shown : path;
}

export function warnProblems(report: IngestReport | null): void {
  for (const problem of report?.problems ?? [])
    notice(`warning: skipped ${displayPath(problem.path)}: ${problem.reason}`);
}

/** Opens (building or updating as needed) the index and everything a question is answered with. */
export async function openSearchContext(config: Config): Promise<SearchContext> {
  const embedder = createEmbedder(config);
  const progress = createProgressReporter();
  try {
    const { index, report } = await openIndex({
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      embedder,
      maxBytes: config.maxFileBytes,
      onProgress: progress.onProgress,
      notify: notice,
    });
    warnProblems(report);
    return createSearchContext(index, embedder, new Wordnet());
  } finally {
    progress.stop();
  }
}
