import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The code that turns documents into index content: paragraphs, quotes, terms, chunks, local vectors. */
const PIPELINE_SOURCES = [
  'corpus',
  'quotes',
  'text',
  'index/chunk-document.ts',
  'index/local-embeddings.ts',
  'index/lexical-index.ts',
];

/**
 * Written by `npm run build` (scripts/write-fingerprint.js) beside this module in dist/.
 * @public (used by the build script, through dist/)
 */
export const FINGERPRINT_FILE = 'pipeline-fingerprint.json';

/**
 * Hashes the TypeScript sources of the document-processing code under `sourceRoot` (a `src/` folder).
 * The build computes it from the same sources, so an index made under tsx and one made by the
 * compiled binary agree.
 * @public (used by the build script, through dist/)
 */
export function hashPipelineSources(sourceRoot: string): string {
  const hash = createHash('sha256');
  for (const entry of PIPELINE_SOURCES) {
    const path = join(sourceRoot, entry);
    const files = entry.endsWith('.ts')
      ? [path]
      : readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((name) => name.endsWith('.ts'))
          .sort()
          .map((name) => join(path, name));
    for (const file of files)
      hash.update(relative(sourceRoot, file).split(sep).join('/')).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

let cached: string | undefined;

/**
 * A fingerprint of the document-processing code. Stored in the index manifest: an index made by other
 * code (a changed quote extractor or paragraph rule) is rebuilt instead of serving stale quotes, with
 * no version number for anyone to remember to bump. Compiled (dist/), it is read from the file the
 * build wrote; from the sources (tsx), it is computed from the files next to this one.
 */
export async function pipelineVersion(): Promise<string> {
  if (cached) return cached;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const built = join(here, FINGERPRINT_FILE);
  if (existsSync(built)) {
    cached = (JSON.parse(readFileSync(built, 'utf8')) as { fingerprint: string }).fingerprint;
  } else {
    cached = hashPipelineSources(join(here, '..'));
  }
  return cached;
}
