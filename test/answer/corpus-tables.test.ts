import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusTables } from '../../src/answer/corpus-tables.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { bundledIndexCopy } from '../support/shared-index.js';

const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const index = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });

/** The bundled index with every document written `times` times over, under new ids: more paragraphs, no new words. */
function repeated(times: number): IndexData {
  const copies = Array.from({ length: times }, (_, copy) => copy);
  const idOf = (id: string, copy: number) => (copy === 0 ? id : `copy-${copy}/${id}`);
  const documents = copies.flatMap((copy) =>
    index.documents.map((document) => ({ ...document, id: idOf(document.id, copy) })),
  );
  const chunks = copies
    .flatMap((copy) => index.chunks.map((chunk) => ({ ...chunk, doc: idOf(chunk.doc, copy) })))
    .map((chunk, label) => ({ ...chunk, label }));
  return { ...index, documents, chunks };
}

describe('the corpus-wide tables a writer publishes', () => {
  it('grow with the vocabulary, the names and the speakers, not with the paragraphs', () => {
    const once = corpusTables(repeated(1));
    const four = corpusTables(repeated(4));
    assert.equal(repeated(4).chunks.length, 4 * index.chunks.length);
    for (const table of ['speakers', 'aliases', 'vocabulary', 'nameRuns', 'descriptions'] as const)
      assert.equal(four[table].length, once[table].length, table);
    // The same entries, counted four times as often.
    assert.deepEqual(
      four.vocabulary,
      once.vocabulary.map(([word, count]) => [word, 4 * count]),
    );
    assert.deepEqual(
      four.nameRuns,
      once.nameRuns.map(([run, count]) => [run, 4 * count]),
    );
  });
});
