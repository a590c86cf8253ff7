import { realpath, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { WhosaidError } from '../errors.js';
import { CorpusFileError } from './corpus-file-error.js';
import { hiddenLinkTarget } from './link-target.js';
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

/** One file of a corpus folder, listed before it is read (corpusFiles), read by loadCorpusFile. */
export interface CorpusFile {
  path: string;
  /** The folder it was listed under: its document id is relative to it. */
  root: string;
  realRoot: string;
  idPrefix?: string;
}

/**
 * Every file under `dir` and then under each existing folder of `extraDirs` (recursively, in a stable
 * order), without reading any: a writer that streams the corpus (stream-postgres-ingest.ts) reads
 * them one at a time, and knows their number before it starts.
 */
export async function corpusFiles(options: LoadCorpusOptions): Promise<CorpusFile[]> {
  const root = resolve(options.dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    throw new WhosaidError(
      'CORPUS_NOT_FOUND',
      `Corpus folder not found: ${root}. Pass --corpus DIR or set WHOSAID_CORPUS_DIR.`,
    );
  }
  const files: CorpusFile[] = [];
  for (const dir of [root, ...(await existingDirs(options.extraDirs ?? []))]) {
    const realRoot = await realpath(dir);
    for (const path of await listFiles(dir))
      files.push({ path, root: dir, realRoot, idPrefix: options.idPrefix });
  }
  return files;
}

/**
 * Reads one listed file: its document, or the problem that keeps it out (a hidden link target, an
 * unsupported type, a malformed file) with its reason.
 */
export async function loadCorpusFile(
  file: CorpusFile,
  { maxBytes }: Pick<LoadCorpusOptions, 'maxBytes'> = {},
): Promise<{ document: CorpusDocument } | { problem: CorpusProblem }> {
  const { path } = file;
  const hidden = await hiddenLinkTarget(path, file.realRoot);
  if (hidden) return { problem: { path, reason: hidden } };
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase()))
    return {
      problem: { path, reason: `unsupported file type; supported: ${SUPPORTED_EXTENSIONS.join(', ')}` },
    };
  try {
    return {
      document: await loadDocument(path, { corpusRoot: file.root, maxBytes, idPrefix: file.idPrefix }),
    };
  } catch (error) {
    if (!(error instanceof CorpusFileError)) throw error;
    return { problem: { path, reason: error.reason } };
  }
}

/**
 * Loads every supported file under `dir` (recursively, in a stable order). A file that cannot be
 * used becomes a problem with its path and reason; the others still load. Hidden files are skipped.
 */
export async function loadCorpus(options: LoadCorpusOptions): Promise<LoadedCorpus> {
  const documents: CorpusDocument[] = [];
  const problems: CorpusProblem[] = [];
  for (const file of await corpusFiles(options)) {
    const loaded = await loadCorpusFile(file, options);
    if ('document' in loaded) documents.push(loaded.document);
    else problems.push(loaded.problem);
  }
  return { documents, problems };
}
