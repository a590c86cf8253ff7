import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { checkFetchedLocation, fetchedPathFor, storeFetched } from '../../src/fetch/fetched-store.js';
import { plainLine } from '../../src/fetch/plain-text.js';
import { tempDir } from '../support/temp-dir.js';

describe('the fetched-documents folder', () => {
  it('keeps every file inside the folder, whatever the URL', async () => {
    const dir = await tempDir();
    for (const url of [
      'http://../../etc/passwd',
      'http://.a./x',
      'https://example.com/',
      'https://x.example/a/../../b?q=1',
    ]) {
      const rel = relative(dir, fetchedPathFor(dir, url, '.md'));
      assert.ok(!rel.startsWith('..') && !rel.includes(`..${'/'}`), `${url} → ${rel}`);
      assert.match(rel, /^[a-z0-9._-]+\/[a-z0-9-]+-[0-9a-f]{10}\.md$/, rel);
    }
    assert.notEqual(
      fetchedPathFor(dir, 'https://e.com/a?x=1', '.md'),
      fetchedPathFor(dir, 'https://e.com/a?x=2', '.md'),
    );
  });

  it('refuses to replace a file that is not the copy of the same URL', async () => {
    const dir = await tempDir();
    const path = join(dir, 'mine.md');
    await writeFile(path, '---\ntitle: My notes\n---\n\nWritten by hand.\n');
    await assert.rejects(
      storeFetched(path, 'new', 'https://e.com/a'),
      /is not whosaid's copy of https:\/\/e\.com\/a: refusing/,
    );
    assert.match(await readFile(path, 'utf8'), /Written by hand/);
    const ours = join(dir, 'ours.md');
    assert.equal(
      await storeFetched(ours, '---\nurl: https://e.com/b\n---\n\nv1\n', 'https://e.com/b'),
      'added',
    );
    assert.equal(
      await storeFetched(ours, '---\nurl: https://e.com/b\n---\n\nv1\n', 'https://e.com/b'),
      'unchanged',
    );
    assert.equal(
      await storeFetched(ours, '---\nurl: https://e.com/b\n---\n\nv2\n', 'https://e.com/b'),
      'updated',
    );
  });

  it('must not overlap the corpus folder', () => {
    assert.throws(() => checkFetchedLocation('/x/corpus', '/x/corpus'), /overlap/);
    assert.throws(() => checkFetchedLocation('/x/corpus/fetched', '/x/corpus'), /overlap/);
    assert.throws(() => checkFetchedLocation('/x', '/x/corpus'), /overlap/);
    assert.doesNotThrow(() => checkFetchedLocation('/x/.whosaid-fetched', '/x/corpus'));
  });

  it('strips control characters (terminal escapes) from text taken from the web', () => {
    assert.equal(plainLine('Title\u001b[2J\u001b]0;owned\u0007 here\u0085\n'), 'Title [2J ]0;owned here');
  });
});
