import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { WhosaidError } from '../errors.js';
import { CorpusFileError } from './corpus-file-error.js';
import { existingDirs, listFiles } from './list-files.js';
import { loadDocument, SUPPORTED_EXTENSIONS } from './load-document.js';
import type { CorpusDocument } from './types.js';

export interface CorpusProblem {
  /** Absolute path of the file. */
  path: string;
  reason: string;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  problems: CorpusProblem[];
}

export interface LoadCorpusOptions {
  dir: string;
  /**
   * Folders read after `dir` when they exist, each as its own root (document ids start with its name):
   * the fetched-documents folder, which is ours, kept apart from the user's corpus folder.
   */
  extraDirs?: readonly string[];
  /** Put before every document id (see LoadDocumentOptions). */
  idPrefix?: string;
  maxBytes?: number;
}

/**
 * Loads every supported file under `dir` (recursively, in a stable order). A file that cannot be
 * used becomes a problem with its path and reason; the others still load. Hidden files are skipped.
 */
export async function loadCorpus(options: LoadCorpusOptions): Promise<LoadedCorpus> {
  const root = resolve(options.dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    throw new WhosaidError(
      'CORPUS_NOT_FOUND',
      `Corpus folder not found: ${root}. Pass --corpus DIR or set WHOSAID_CORPUS_DIR.`,
    );
  }
  const documents: CorpusDocument[] = [];
  const problems: CorpusProblem[] = [];
  for (const dir of [root, ...(await existingDirs(options.extraDirs ?? []))]) {
    const loaded = await loadFolder(dir, options);
    documents.push(...loaded.documents);
    problems.push(...loaded.problems);
  }
  return { documents, problems };
}

async function loadFolder(
  root: string,
  { maxBytes, idPrefix }: Pick<LoadCorpusOptions, 'maxBytes' | 'idPrefix'>,
): Promise<LoadedCorpus> {
  const documents: CorpusDocument[] = [];
  const problems: CorpusProblem[] = [];
  for (const path of await listFiles(root)) {
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) {
      problems.push({ path, reason: `unsupported file type; supported: ${SUPPORTED_EXTENSIONS.join(', ')}` });
      continue;
    }
    try {
      documents.push(await loadDocument(path, { corpusRoot: root, maxBytes, idPrefix }));
    } catch (error) {
      if (!(error instanceof CorpusFileError)) throw error;
      problems.push({ path, reason: error.reason });
    }
  }
  return { documents, problems };
}
