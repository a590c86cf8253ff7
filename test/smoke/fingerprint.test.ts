import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pipelineFingerprint } from '../../src/index/pipeline-version.js';
import { tempDir } from '../support/temp-dir.js';

// The compiled code fingerprints the .js it runs (`npm run build` first; `npm test` does).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function fingerprintOf(project: string): Record<string, string> {
  const script = `import(${JSON.stringify(join(project, 'dist', 'index', 'pipeline-version.js'))}).then((m) => process.stdout.write(JSON.stringify(m.pipelineFingerprint())))`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

/** A copy of the built project (dist/ and the data it reads), to change without touching ours. */
async function builtCopy(): Promise<string> {
  const copy = await tempDir('whosaid-dist-');
  for (const folder of ['dist', 'data']) cpSync(join(ROOT, folder), join(copy, folder), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  return copy;
}

describe('the processing fingerprint of the built code', () => {
  it('is the sources’ fingerprint for what the build emitted, so the binary and tsx share an index', () => {
    assert.deepEqual(fingerprintOf(ROOT), pipelineFingerprint());
  });

  it('differs for emitted code the build did not record, step by step: never the old code’s', async () => {
    const copy = await builtCopy();
    // As if dist/ were recompiled after a change to attribution, without the build script.
    appendFileSync(join(copy, 'dist', 'quotes', 'extract-quotes.js'), '\n// changed\n');
    const changed = fingerprintOf(copy);
    const current = pipelineFingerprint();
    assert.match(changed.quotes ?? '', /^js-/);
    assert.notEqual(changed.quotes, current.quotes);
    assert.equal(changed.paragraphs, current.paragraphs, 'other steps keep theirs');
    rmSync(join(copy, 'dist', 'index', 'pipeline-fingerprint.json'));
    const unrecorded = fingerprintOf(copy);
    for (const [step, hash] of Object.entries(current)) assert.notEqual(unrecorded[step], hash);
  });
});
