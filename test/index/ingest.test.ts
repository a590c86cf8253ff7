import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusChanged } from '../../src/index/index-staleness.js';
import { readIndex } from '../../src/index/index-store.js';
import { ingest } from '../../src/index/ingest.js';
import { openIndex } from '../../src/index/open-index.js';
import { countingEmbedder } from '../support/counting-embedder.js';
import { tempDir } from '../support/temp-dir.js';

async function copyOfCorpus(): Promise<{ corpusDir: string; indexDir: string }> {
  const dir = await tempDir();
  await cp('corpus', join(dir, 'corpus'), { recursive: true });
  return { corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index') };
}

describe('ingest', () => {
  it('indexes the bundled corpus with quotes on the chunks and reports progress', async () => {
    const paths = await copyOfCorpus();
    const embedder = countingEmbedder();
    const phases = new Set<string>();
    const { index, report } = await ingest({
      ...paths,
      embedder,
      onProgress: (progress) => phases.add(progress.phase),
    });
    assert.equal(report.documents, 5);
    assert.equal(report.added.length, 5);
    assert.equal(report.embedded, index.chunks.length);
    assert.deepEqual([...phases], ['load', 'embed', 'build', 'write']);
    const nasa = index.chunks.find((chunk) => chunk.text.includes('NASA was our greatest achievement'));
    assert.equal(nasa?.quotes[0]?.speaker, 'Dan Meyer');
    const saved = await readIndex(paths.indexDir, { embedderId: embedder.id });
    assert.equal(saved.chunks.length, index.chunks.length);
  });

  it('re-embeds only documents whose content changed, and drops removed ones', async () => {
    const paths = await copyOfCorpus();
    await ingest({ ...paths, embedder: countingEmbedder() });
    const second = countingEmbedder();
    const again = await ingest({ ...paths, embedder: second });
    assert.equal(again.report.unchanged.length, 5);
    assert.equal(second.embeddedTexts.length, 0, 'nothing is embedded again');

    const reed = join(paths.corpusDir, 'reed-2023-09-starlink-vulnerabilities-statement.md');
    await writeFile(reed, `${await readFile(reed, 'utf8')}\nThe committee will hold a hearing next week.\n`);
    await rm(join(paths.corpusDir, 'shaheen-2023-09-starlink-letter-to-austin.md'));
    const third = countingEmbedder();
    const changed = await ingest({ ...paths, embedder: third });
    assert.deepEqual(changed.report.changed, ['corpus/reed-2023-09-starlink-vulnerabilities-statement.md']);
    assert.deepEqual(changed.report.removed, ['corpus/shaheen-2023-09-starlink-letter-to-austin.md']);
    assert.deepEqual(
      third.embeddedTexts,
      ['The committee will hold a hearing next week.'],
      'only the new paragraph: the document’s other paragraphs are texts embedded before',
    );
    assert.equal(changed.index.documents.length, 4);
  });

  it('reports malformed files and indexes the rest; --strict fails instead', async () => {
    const paths = await copyOfCorpus();
    await writeFile(join(paths.corpusDir, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const { report } = await ingest({ ...paths, embedder: countingEmbedder() });
    assert.equal(report.documents, 5);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0]?.path ?? '', /broken\.md$/);
    await assert.rejects(
      ingest({ ...paths, embedder: countingEmbedder(), strict: true }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'CORPUS_FILE_INVALID');
        assert.match(error.message, /broken\.md/);
        return true;
      },
    );
  });

  it('openIndex builds on first use, reuses a current index, and rebuilds one made with another embedder', async () => {
    const paths = await copyOfCorpus();
    const notices: string[] = [];
    const notify = (message: string) => notices.push(message);
    const first = await openIndex({ ...paths, embedder: countingEmbedder(), notify });
    assert.ok(first.report);
    assert.match(notices[0] ?? '', /No index yet/);
    const second = await openIndex({ ...paths, embedder: countingEmbedder(), notify });
    assert.equal(second.report, null);
    assert.equal(await corpusChanged(second.index, paths.corpusDir), false);
    const other = { ...countingEmbedder(), id: 'local-hash-v2:384' };
    const third = await openIndex({ ...paths, embedder: other, notify });
    assert.ok(third.report);
    assert.match(
      notices.at(-1) ?? '',
      /built with embeddings "local-hash-v1:384".*"local-hash-v2:384".*Rebuilding/s,
    );
    assert.equal(third.index.manifest.embedder.id, 'local-hash-v2:384');
  });
});
