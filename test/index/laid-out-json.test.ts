import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readLaidOutJson, writeLaidOutJson } from '../../src/index/laid-out-json.js';
import { tempDir } from '../support/temp-dir.js';

const awkward = {
  index: {
    index: [
      ['quote', { 0: { 1: 2 } }],
      ['line\nbreak "and" \\ back', {}],
    ],
    documentIds: { 0: 'a#1', 1: 'b#2' },
    empty: [],
    nothing: {},
    missing: undefined,
    // An own key "__proto__", as JSON.parse makes it (an object literal would set the prototype).
    ...JSON.parse('{"__proto__": {"polluted": true}}'),
  },
  documentFrequency: { naïve: 3, '"quoted,"': 1 },
  list: [[], [{}], [1, [2, [3]]], null, 'x,', '[', '{', ']', undefined],
  when: new Date('2026-03-04T00:00:00Z'),
};

describe('laid-out JSON (index files larger than one string)', () => {
  it('reads back exactly what JSON.stringify would have written, at every depth, and is itself JSON', async () => {
    const dir = await tempDir('whosaid-json-');
    for (const depth of [0, 1, 2, 3, 5]) {
      const path = join(dir, `value-${depth}.json`);
      await writeLaidOutJson(path, awkward, depth);
      const expected = JSON.parse(JSON.stringify(awkward));
      assert.deepEqual(await readLaidOutJson(path), expected, `depth ${depth}`);
      assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), expected, `plain JSON at depth ${depth}`);
    }
    const read = (await readLaidOutJson(join(dir, 'value-3.json'))) as { index: Record<string, unknown> };
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(read.index).includes('__proto__'), true);
  });

  it('writes one line per element, so no line holds the whole', async () => {
    const dir = await tempDir('whosaid-json-');
    const path = join(dir, 'chunks.json');
    const chunks = Array.from({ length: 1000 }, (_, label) => ({ label, text: 'x'.repeat(100) }));
    await writeLaidOutJson(path, chunks, 1);
    const lines = (await readFile(path, 'utf8')).split('\n');
    assert.equal(lines.length, 1000 + 3);
    assert.ok(lines.every((line) => line.length < 200));
    assert.deepEqual(await readLaidOutJson(path), chunks);
  });

  it('reads a file of one line, as indexes were written before', async () => {
    const dir = await tempDir('whosaid-json-');
    const path = join(dir, 'old.json');
    await writeFile(path, JSON.stringify([{ label: 0 }, { label: 1 }]));
    assert.deepEqual(await readLaidOutJson(path), [{ label: 0 }, { label: 1 }]);
  });

  it('refuses what is cut short or malformed, and a missing file', async () => {
    const dir = await tempDir('whosaid-json-');
    const cut = join(dir, 'cut.json');
    await writeLaidOutJson(cut, [{ a: 1 }, { b: 2 }], 1);
    const text = await readFile(cut, 'utf8');
    await writeFile(cut, text.slice(0, text.lastIndexOf(']')));
    await assert.rejects(readLaidOutJson(cut), SyntaxError);
    await writeFile(cut, '[\n{"a":1},\n{"b":\n]\n');
    await assert.rejects(readLaidOutJson(cut), SyntaxError);
    await writeFile(cut, '{\n"a" 1\n}\n');
    await assert.rejects(readLaidOutJson(cut));
    await writeFile(cut, '[\n1\n]\nextra\n');
    await assert.rejects(readLaidOutJson(cut), /after the end/);
    await assert.rejects(readLaidOutJson(join(dir, 'absent.json')), /ENOENT/);
  });
});
