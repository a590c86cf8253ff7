import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCAL_EMBEDDING_DIMENSIONS, LocalHashEmbeddings } from '../../src/index/local-embeddings.js';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe('LocalHashEmbeddings', () => {
  it('is deterministic across instances and calls', async () => {
    const text = 'Dan Meyer, a national security attorney, told Axios that the clearance was at risk.';
    const first = await new LocalHashEmbeddings().embedQuery(text);
    const second = await new LocalHashEmbeddings().embedQuery(text);
    const [batched] = await new LocalHashEmbeddings().embedDocuments([text]);
    assert.deepEqual(first, second);
    assert.deepEqual(first, batched);
    assert.equal(first.length, LOCAL_EMBEDDING_DIMENSIONS);
  });

  it('returns unit-length vectors (L2-normalised), and zeros for text without words', async () => {
    const embeddings = new LocalHashEmbeddings();
    const vector = await embeddings.embedQuery('SpaceX launches satellites for the Pentagon.');
    assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-9);
    const empty = await embeddings.embedQuery('   ');
    assert.ok(empty.every((value) => value === 0));
  });

  it('puts related text closer than unrelated text', async () => {
    const embeddings = new LocalHashEmbeddings();
    const [question, related, unrelated] = await embeddings.embedDocuments([
      'Does the government rely on SpaceX?',
      'the U.S. government’s reliance on SpaceX',
      'The city council approved a new budget for parks.',
    ]);
    assert.ok(question && related && unrelated);
    assert.ok(cosine(question, related) > cosine(question, unrelated) + 0.1);
  });

  it('names itself by algorithm and size so an index records what built it', () => {
    assert.equal(new LocalHashEmbeddings(256).id, 'local-hash-v1:256');
  });
});
