import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The code that turns documents into index content: paragraphs, quotes, terms, chunks, local vectors. */
const PIPELINE_SOURCES = [
  'corpus',
  'quotes',
  'text',
  'index/chunk-document.ts',
  'index/local-embeddings.ts',
  'index/lexical-index.ts',
];

let cached: Promise<string> | undefined;

/**
 * A fingerprint of the document-processing code. Stored in the index manifest: an index made by other
 * code (a changed quote extractor or paragraph rule) is rebuilt instead of serving stale quotes, with
 * no version number for anyone to remember to bump.
 */
export function pipelineVersion(): Promise<string> {
  cached ??= (async () => {
    const hash = createHash('sha256');
    for (const entry of PIPELINE_SOURCES) {
      const path = join(SOURCE_ROOT, entry);
      const files = entry.endsWith('.ts')
        ? [path]
        : (await readdir(path))
            .filter((name) => name.endsWith('.ts'))
            .sort()
            .map((name) => join(path, name));
      for (const file of files) hash.update(file.slice(SOURCE_ROOT.length)).update(await readFile(file));
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return cached;
}
