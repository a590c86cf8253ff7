import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { sidecarPath } from '../corpus/binary-document.js';
import { parseFrontMatter } from '../corpus/front-matter.js';
import { WhosaidError } from '../errors.js';

export type StoreOutcome = 'added' | 'updated' | 'unchanged';

/**
 * The fetched-documents folder is ours and the corpus folder is the user's: they must be apart, neither
 * inside the other, or fetched files would land among the user's documents (or be indexed twice).
 */
export function checkFetchedLocation(fetchedDir: string, corpusDir: string): void {
  const fetched = resolve(fetchedDir);
  const corpus = resolve(corpusDir);
  const inside = (path: string, folder: string) => {
    const rel = relative(folder, path);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
  };
  if (inside(fetched, corpus) || inside(corpus, fetched)) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      `The fetched-documents folder ${fetched} and the corpus folder ${corpus} overlap: whosaid never writes into ` +
        'your corpus. Set WHOSAID_FETCHED_DIR to a folder outside it.',
    );
  }
}

/**
 * Where the document from `url` is kept: one folder per host, a readable slug from the path, and a
 * hash of the whole URL so different URLs never share a file and the same URL always finds its own.
 */
export function fetchedPathFor(dir: string, url: string, extension: string): string {
  const parsed = new URL(url);
  // Only letters, digits, dashes and single inner dots: a host written ".." must not name a parent folder.
  const host =
    parsed.hostname
      .toLowerCase()
      .replace(/[^a-z0-9.-]/g, '_')
      .replace(/\.{2,}/g, '.')
      .replace(/^\.+|\.+$/g, '') || 'host';
  const slug =
    parsed.pathname
      .toLowerCase()
      .replace(/\.[a-z0-9]{1,5}$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(-60)
      .replace(/^-+/, '') || 'index';
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 10);
  return join(resolve(dir), host, `${slug}-${hash}${extension}`);
}

export interface ArticleFile {
  /** Front matter fields; null ones are left out. */
  meta: Record<string, string | null>;
  paragraphs: string[];
}

/** Markdown with YAML front matter, one paragraph per blank-line-separated line (the paragraph rule). */
export function articleText(article: ArticleFile): string {
  const meta = Object.fromEntries(Object.entries(article.meta).filter(([, value]) => value !== null));
  return `---\n${stringify(meta, { lineWidth: 0 })}---\n\n${article.paragraphs.join('\n\n')}\n`;
}

/**
 * Writes `content` at `path` unless the file already holds exactly that: re-fetching an unchanged
 * article leaves the file (and its modification time) alone, so the index does not rebuild it. The
 * write goes through a hidden temporary file renamed into place, so an interrupted write never leaves
 * half a document for the index to read. A file at the path that is not this URL's copy is refused.
 */
export async function storeFetched(
  path: string,
  content: Buffer | string,
  url: string,
): Promise<StoreOutcome> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const existing = await readFile(path).catch(() => null);
  if (existing?.equals(bytes)) return 'unchanged';
  if (existing && !(await isCopyOf(path, existing, url))) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `${path} exists and is not whosaid's copy of ${url}: refusing to replace it.`,
    );
  }
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  return existing ? 'updated' : 'added';
}

/** Ours when its front matter (or, for a PDF or Word file, its sidecar) names the same URL. */
async function isCopyOf(path: string, existing: Buffer, url: string): Promise<boolean> {
  try {
    if (path.endsWith('.meta.json'))
      return (JSON.parse(existing.toString('utf8')) as { url?: unknown }).url === url;
    if (!path.endsWith('.md')) {
      const sidecar = JSON.parse(await readFile(sidecarPath(path), 'utf8')) as { url?: unknown };
      return sidecar.url === url;
    }
    const { data } = parseFrontMatter(existing.toString('utf8'));
    return data.fetched_from === url || data.url === url;
  } catch {
    return false;
  }
}
