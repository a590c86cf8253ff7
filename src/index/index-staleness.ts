import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type CollectionSource, collectionSources } from '../collections/collection-sources.js';
import { existingDirs, listFiles } from '../corpus/list-files.js';
import { sameIdentity } from './chunk-vectors.js';
import type { Embedder } from './embedder.js';
import type { IndexData } from './index-store.js';
import { changedSteps, type PipelineStep, pipelineFingerprint } from './pipeline-version.js';

const STEP_NAMES: Record<PipelineStep, string> = {
  paragraphs: 'document loading and paragraphs',
  quotes: 'quote attribution',
  chunks: 'chunking',
  lexical: 'keyword search',
  vectorGraph: 'vector search',
  localEmbeddings: 'local embeddings',
};

/**
 * Why a readable index is not current for this corpus, code and embedder (null when it is): the
 * corpus files changed, or the code of some processing step did. A stale index may still be served
 * while a new one is built, but never as if it were fresh.
 */
export async function indexStaleness(
  index: IndexData,
  options: { corpusDir: string; fetchedDir?: string; collectionsDir?: string; embedder: Embedder },
): Promise<string | null> {
  const reasons: string[] = [];
  // The local embedder's code is part of its identity; a hosted model's vectors do not depend on ours.
  const steps: PipelineStep[] = changedSteps(index.manifest.steps, pipelineFingerprint()).filter(
    (step) => step !== 'localEmbeddings',
  );
  if (!sameIdentity(index, options.embedder)) steps.push('localEmbeddings');
  if (steps.length > 0)
    reasons.push(`whosaid's ${steps.map((step) => STEP_NAMES[step]).join(', ')} code changed`);
  const sources = await collectionSources(options.collectionsDir);
  if (!sameSources(index.manifest.collections ?? [], sources)) reasons.push('the collections changed');
  else if (
    await corpusChanged(index, options.corpusDir, [
      ...(options.fetchedDir ? [options.fetchedDir] : []),
      ...sources.map((source) => source.dir),
    ])
  )
    reasons.push(`the corpus in ${options.corpusDir} changed`);
  return reasons.length > 0 ? `${reasons.join(' and ')} since it was built` : null;
}

/** Cheap freshness check: the same files, with the same sizes and modification times. */
export async function corpusChanged(
  index: IndexData,
  corpusDir: string,
  extraDirs: readonly string[] = [],
): Promise<boolean> {
  if (resolve(index.manifest.corpusDir) !== resolve(corpusDir)) return true;
  const files = await listFiles(resolve(corpusDir)).catch(() => null);
  if (!files) return true;
  for (const dir of await existingDirs(extraDirs)) for (const file of await listFiles(dir)) files.push(file);
  const known = new Map(index.documents.map((document) => [document.path, document]));
  const problems = new Set(index.manifest.problems.map((problem) => resolve(problem.path)));
  if (files.length !== known.size + problems.size) return true;
  for (const file of files) {
    const document = known.get(file);
    if (!document) {
      if (problems.has(file)) continue;
      return true;
    }
    const info = await stat(file).catch(() => null);
    if (!info || info.size !== document.size || info.mtimeMs !== document.mtimeMs) return true;
  }
  return false;
}

/** Whether the index was built from these collection folders (a collection added, removed or moved). */
function sameSources(built: readonly CollectionSource[], now: readonly CollectionSource[]): boolean {
  const key = (sources: readonly CollectionSource[]) =>
    sources.map((source) => `${source.collection}\u0000${resolve(source.dir)}`).join('\n');
  return key(built) === key(now);
}
