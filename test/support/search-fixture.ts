import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchContext } from '../../src/answer/search-context.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { type Config, loadConfig } from '../../src/config.js';
import { bundledIndexCopy } from './shared-index.js';
import { tempDir } from './temp-dir.js';

export interface SearchFixture {
  config: Config;
  context: SearchContext;
  corpusDir: string;
}

/**
 * A real index over a copy of the bundled corpus (plus any extra files), in a temporary folder.
 * `env` adds configuration (e.g. OPENAI_BASE_URL of a local stand-in).
 */
export async function searchFixture(
  env: Record<string, string> = {},
  extraFiles: Record<string, string> = {},
): Promise<SearchFixture> {
  const dir = await tempDir();
  const corpusDir = join(dir, 'corpus');
  await cp('corpus', corpusDir, { recursive: true });
  for (const [name, text] of Object.entries(extraFiles)) await writeFile(join(corpusDir, name), text);
  const config = loadConfig({
    env: {
      WHOSAID_CORPUS_DIR: corpusDir,
      // A copy of the run's shared index: only the copied corpus's extra files are indexed anew.
      WHOSAID_INDEX_DIR: await bundledIndexCopy(),
      WHOSAID_LOG_LEVEL: 'silent',
      ...env,
    },
    dotenvPath: null,
  });
  return { config, context: await openSearchContext(config), corpusDir };
}
