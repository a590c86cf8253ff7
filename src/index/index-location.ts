import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { WhosaidError } from '../errors.js';

const HOW_TO_FIX =
  'Point WHOSAID_INDEX_DIR (or --index) at a new or empty folder, or at an existing whosaid index.';

/**
 * Checked before any work starts, because writing an index replaces its whole folder: the folder must
 * be absent, empty, or a whosaid index (its manifest says so), never inside the corpus nor holding it,
 * and its parent writable. Anything else is refused and left untouched — we never delete what we did
 * not create.
 */
export async function checkIndexLocation(indexDir: string, corpusDir: string): Promise<void> {
  const index = resolve(indexDir);
  const corpus = resolve(corpusDir);
  checkApartFromCorpus(index, corpus, 'index folder');
  const cache = embeddingCacheDir(index);
  checkApartFromCorpus(cache, corpus, 'embedding cache folder');
  const cacheInfo = await stat(cache).catch(() => null);
  if (cacheInfo && (!cacheInfo.isDirectory() || !(await holdsOnlyCacheFiles(cache)))) {
    throw new WhosaidError(
      'INDEX_LOCATION',
      `${cache} (where the index keeps the vectors it already paid for) holds files whosaid did not write: refusing to write there. ${HOW_TO_FIX}`,
    );
  }
  const info = await stat(index).catch(() => null);
  if (info && !info.isDirectory()) {
    throw new WhosaidError(
      'INDEX_LOCATION',
      `${index} is a file, not a folder: refusing to replace it. ${HOW_TO_FIX}`,
    );
  }
  if (info && !(await isOurs(index))) {
    throw new WhosaidError(
      'INDEX_LOCATION',
      `${index} already holds files that are not a whosaid index: refusing to replace them. ${HOW_TO_FIX}`,
    );
  }
  const writable = await nearestExisting(dirname(index));
  await access(writable, constants.W_OK).catch(() => {
    throw new WhosaidError(
      'INDEX_LOCATION',
      `Cannot write the index: ${writable} is not writable. Set WHOSAID_INDEX_DIR (or --index) to a folder you can write.`,
    );
  });
}

/**
 * Beside the index, never inside the folder a rebuild replaces: vectors there survive every
 * generation, so text embedded once is never paid for again (embedding-cache.ts).
 */
export function embeddingCacheDir(indexDir: string): string {
  return `${resolve(indexDir)}-embeddings`;
}

function checkApartFromCorpus(folder: string, corpus: string, what: string): void {
  // Inside the corpus only in a hidden folder, which the corpus loader never reads (load-corpus.ts).
  const hiddenInCorpus =
    isInside(folder, corpus) &&
    relative(corpus, folder)
      .split(sep)
      .some((part) => part.startsWith('.'));
  if (folder === corpus || (isInside(folder, corpus) && !hiddenInCorpus) || isInside(corpus, folder)) {
    throw new WhosaidError(
      'INDEX_LOCATION',
      `The ${what} ${folder} ${folder === corpus ? 'is' : isInside(folder, corpus) ? 'is inside' : 'contains'} the corpus folder ${corpus}: writing the index would replace documents. ${HOW_TO_FIX}`,
    );
  }
}

async function holdsOnlyCacheFiles(dir: string): Promise<boolean> {
  const names = await readdir(dir);
  return names.every((name) => /^[0-9a-f]{16}\.(vectors|json)(\.tmp-\d+)?$/.test(name));
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

/** Empty, or holding a manifest that whosaid wrote (leftovers of an interrupted write are ours too). */
async function isOurs(dir: string): Promise<boolean> {
  const entries = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  if (entries.length === 0) return true;
  try {
    const manifest = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    return typeof manifest.formatVersion === 'number' && typeof manifest.embedder === 'object';
  } catch {
    return false;
  }
}

async function nearestExisting(path: string): Promise<string> {
  let current = path;
  while (!(await stat(current).catch(() => null))) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}
