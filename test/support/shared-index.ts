import { cp, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createEmbedder } from '../../src/index/embedder.js';
import { ingest } from '../../src/index/ingest.js';
import { tempDir } from './temp-dir.js';

const BUNDLED_CORPUS = resolve('corpus');

let local: Promise<string> | undefined;

/**
 * The index of the bundled corpus, built once per test run (scripts/run-tests.js gives every test
 * process the same WHOSAID_TEST_RUN_DIR) rather than once per test file. Test files run in parallel,
 * so each builds into its own folder and renames it into place; when another process got there first,
 * its index is used and this one is dropped. Run alone, a file builds its own.
 */
function sharedBundledIndex(): Promise<string> {
  local ??= (async () => {
    const runDir = process.env.WHOSAID_TEST_RUN_DIR ?? (await tempDir('whosaid-run-'));
    const shared = join(runDir, 'bundled-index');
    if (await exists(join(shared, 'manifest.json'))) return shared;
    const mine = join(runDir, `building-${process.pid}`);
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    await ingest({ corpusDir: BUNDLED_CORPUS, indexDir: mine, embedder });
    try {
      await rename(mine, shared);
    } catch {
      await rm(mine, { recursive: true, force: true });
    }
    return shared;
  })();
  return local;
}

/** A private copy of the bundled corpus's index, in a fresh folder a test may change as it likes. */
export async function bundledIndexCopy(): Promise<string> {
  const copy = join(await tempDir('whosaid-index-'), 'index');
  await cp(await sharedBundledIndex(), copy, { recursive: true });
  return copy;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
