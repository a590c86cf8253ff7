import { relative, resolve } from 'node:path';
import { servedContextSteps } from '../answer/question-tables.js';
import { prepareScope, withinScope } from '../answer/scoped-context.js';
import { createSearchContext, type SearchContext } from '../answer/search-context.js';
import { collectionOwnDir, readCollections } from '../collections/collection-registry.js';
import { DEFAULT_COLLECTION, parseScope, type Scope } from '../collections/scope.js';
import { type Config, loadConfig } from '../config.js';
import { WhosaidError } from '../errors.js';
import { createEmbedder } from '../index/embedder.js';
import type { IngestReport } from '../index/ingest.js';
import { openIndex } from '../index/open-index.js';
import { indexCollections } from '../index/restrict-index.js';
import { openServingIndex, type ServingIndex } from '../index/serving-index.js';
import { Wordnet } from '../text/wordnet.js';
import { indexSources } from './index-sources.js';
import { type CliIo, notice, type OutputStream } from './io.js';
import { openIndexFor } from './postgres-index.js';
import { createProgressReporter } from './progress.js';

/** Flags shared by the commands that read the corpus. */
export interface CorpusFlags {
  corpus?: string;
  index?: string;
  /** `--collection NAME[,NAME]`, on the commands that read (see withinScope). */
  collection?: string;
}

/** Configuration from the command's environment (and .env), with command-line flags taking precedence. */
export function configFor(io: CliIo, flags: CorpusFlags = {}): Config {
  // Passed as variables, so what derives from them (the fetched-documents folder beside the index) follows.
  const env = {
    ...io.env,
    ...(flags.corpus ? { WHOSAID_CORPUS_DIR: resolve(flags.corpus) } : {}),
    ...(flags.index ? { WHOSAID_INDEX_DIR: resolve(flags.index) } : {}),
  };
  return loadConfig({ env, dotenvPath: io.dotenvPath });
}

/** Where the documents and the index are, and the size cap: what every ingest and rebuild reads from config. */
/**
 * Where a followed feed's articles are stored, by its collection: the fetched-documents folder for
 * `news`, else the collection's own folder (indexed with it, deleted with it).
 */
export function feedFolder(config: Config): (collection: string) => string {
  return (collection) =>
    collection === DEFAULT_COLLECTION
      ? config.fetchedDir
      : collectionOwnDir(config.collectionsDir, collection);
}

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') ? shown : path;
}

export function warnProblems(io: Pick<CliIo, 'stderr'>, report: IngestReport | null): void {
  for (const problem of report?.problems ?? [])
    io.stderr.write(`warning: skipped ${displayPath(problem.path)}: ${problem.reason}\n`);
}

/**
 * Opens (building or updating as needed) the index and everything a question is answered with.
 * Notices and the progress bar go to `io.stderr`; with no `io` (tests, embedding code) it is silent.
 */
export async function openSearchContext(
  config: Config,
  io?: Pick<CliIo, 'stderr'>,
  scope?: string,
): Promise<SearchContext> {
  const embedder = await createEmbedder(config);
  const stderr: OutputStream = io?.stderr ?? { write: () => true };
  const progress = await createProgressReporter(stderr);
  try {
    const notify = (message: string) => notice({ stderr }, message);
    const openFiles = () =>
      openIndex({
        ...indexSources(config),
        embedder,
        onProgress: progress.onProgress,
        notify,
      });
    const { index, report } = await openIndexFor(config, embedder, openFiles, notify);
    warnProblems({ stderr }, report);
    const context = createSearchContext(index, embedder, new Wordnet());
    if (!scope) return context;
    const checked = await checkScope(config, context, scope);
    // An index read on demand (PostgreSQL) reads the scope's paragraphs for its tables first.
    if (context.index.store) await prepareScope(context, checked);
    return withinScope(context, checked);
  } finally {
    progress.stop();
  }
}

/**
 * `--collection a,b` as a scope, each name one the index or the registry knows: a typo would otherwise
 * read as a collection with nothing in it, and every answer would be "the documents never mention…".
 */
async function checkScope(config: Config, context: SearchContext, list: string): Promise<Scope> {
  const scope = parseScope(list);
  const known = new Set([
    DEFAULT_COLLECTION,
    ...indexCollections(context.index),
    ...(await readCollections(config.collectionsDir)).map((record) => record.name),
  ]);
  const unknown = scope.collections.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `No collection ${unknown.map((name) => `"${name}"`).join(', ')}. \`whosaid collections list\` shows the collections.`,
    );
  }
  return scope;
}

/**
 * For the bot: the newest complete index, served at once even when stale (the notice says why) while
 * a new generation is built in a worker thread; `refresh` rebuilds again later (feeds, added documents).
 */
export async function openLiveSearch(
  config: Config,
  notify: (message: string, level: 'info' | 'warn') => void,
  io?: Pick<CliIo, 'stderr'>,
): Promise<ServingIndex<SearchContext>> {
  const embedder = await createEmbedder(config);
  const wordnet = new Wordnet();
  const progress = await createProgressReporter(io?.stderr ?? { write: () => true });
  try {
    return await openServingIndex(
      {
        ...indexSources(config),
        embeddings: { embeddings: config.embeddings, openai: config.openai },
        embedder,
        notify,
        onProgress: progress.onProgress,
      },
      // With the tables questions are read with: each generation is ready for its first question.
      (index) => servedContextSteps(index, embedder, wordnet),
    );
  } finally {
    progress.stop();
  }
}
