import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { findQuotes } from '../../src/answer/find-quotes.js';
import { servedContextSteps } from '../../src/answer/question-tables.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { loadPostgresIndex, type PostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import type { StoredDocument } from '../../src/index/types.js';
import { runNow } from '../../src/run-in-slices.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { bundledIndexCopy } from '../support/shared-index.js';

const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const wordnet = new Wordnet();

/** The index with one document rewritten: new content (its text and quotes in capitals), new hash. */
function rewritten(index: IndexData, id: string): IndexData {
  const shout = <T extends { text: string }>(item: T): T => ({ ...item, text: item.text.toUpperCase() });
  const entry = index.manifest.documents[id];
  assert.ok(entry, id);
  const contentHash = `${entry.contentHash}-rewritten`;
  return {
    ...index,
    manifest: {
      ...index.manifest,
      documents: { ...index.manifest.documents, [id]: { ...entry, contentHash } },
    },
    documents: index.documents.map((document) =>
      document.id === id
        ? {
            ...document,
            contentHash: `${document.contentHash}-rewritten`,
            quotes: document.quotes.map(shout),
          }
        : document,
    ),
    chunks: index.chunks.map((chunk) =>
      chunk.doc === id ? { ...shout(chunk), quotes: chunk.quotes.map(shout) } : chunk,
    ),
  };
}

/** A pool whose clients fail the statement that publishes a manifest: a writer that dies just before. */
function failingToPublish(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const client = await target.connect();
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
        return new Proxy(client, {
          get: (inner, name, self) =>
            name === 'query'
              ? (...args: unknown[]) =>
                  typeof args[0] === 'string' && args[0].startsWith('INSERT INTO whosaid_index')
                    ? Promise.reject(new Error('the writer stopped before publishing'))
                    : query(...args)
              : Reflect.get(inner, name, self),
        });
      };
    },
  });
}

/**
 * Issue 12, point 4: while a replica still answers from one publication and a writer replaces a
 * document for the next, every chunk and quote the replica reads is of the publication it holds: the
 * rewritten document's new rows are staged beside the published ones and not read, the published
 * version is read whole, as are the other documents; a replica reading the index while a writer is
 * part way through (or after it stopped short of publishing) reads the last publication whole too.
 */
describe('a replica reads the rows of the publication it holds', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: IndexData;
  let changed: StoredDocument;
  let kept: StoredDocument;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    files = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });
    await savePostgresIndex(pool, files);
    const quoted = files.documents.filter((document) => document.quotes.some((quote) => quote.speaker));
    [changed, kept] = quoted as [StoredDocument, StoredDocument];
    assert.ok(changed && kept);
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  const load = async () => (await loadPostgresIndex(pool, embedder.id)) as PostgresIndex;
  const paragraphsOf = async (index: PostgresIndex, document: StoredDocument) =>
    (await index.store?.documentParagraphs(document.id, document.paragraphCount))?.map((p) => p.text) ?? [];
  const labelsOf = async (index: PostgresIndex, document: StoredDocument, words: string) =>
    (await index.lexical.chunksWithAll(words, 50)).filter(
      (label) => index.store?.documentOf(label) === document.id,
    );
  const nearestOf = async (index: PostgresIndex, document: StoredDocument, text: string) => {
    const hits = await index.vectorSearch.nearest(await embedder.embeddings.embedQuery(text), 10);
    return hits.filter((hit) => index.store?.documentOf(hit.label) === document.id);
  };
  const speakerOf = (document: StoredDocument) =>
    document.quotes.find((quote) => quote.speaker !== null)?.speaker ?? '';
  const quotedIn = async (index: PostgresIndex, document: StoredDocument) => {
    const context = runNow(servedContextSteps(index, embedder, wordnet));
    const found = await findQuotes(context, { speaker: speakerOf(document) });
    return found.hits.filter((hit) => hit.doc === document.id).map((hit) => hit.text);
  };

  it('reads the published version of a document rewritten for the next publication, and the rest as before', async () => {
    const held = await load();
    // Loaded before the rewrite too, but nothing read from it yet: no cache to answer from.
    const untouched = await load();
    const before = await paragraphsOf(held, changed);
    const word =
      before
        .join(' ')
        .split(/\s+/)
        .find((w) => /^\p{L}{6,}$/u.test(w)) ?? '';
    assert.ok((await labelsOf(held, changed, word)).length > 0, word);
    assert.ok((await quotedIn(held, changed)).length > 0);
    const [lede = ''] = before;
    assert.ok((await nearestOf(held, changed, lede)).length > 0);
    const keptBefore = await paragraphsOf(held, kept);

    // The rewrite is written and the writer stops just before publishing: the new version is staged.
    await assert.rejects(
      savePostgresIndex(failingToPublish(pool), rewritten(files, changed.id)),
      /stopped before publishing/,
    );
    const quotedBefore = await quotedIn(held, changed);
    assert.deepEqual(await paragraphsOf(untouched, changed), before, 'the published paragraphs');
    assert.ok(
      before.some((text) => text !== text.toUpperCase()),
      'not the staged version',
    );
    assert.deepEqual(await quotedIn(untouched, changed), quotedBefore, 'its published quotes');
    assert.deepEqual(
      await labelsOf(untouched, changed, word),
      await labelsOf(held, changed, word),
      'its published chunks are ranked',
    );
    assert.ok((await nearestOf(untouched, changed, lede)).length > 0, 'and found by their vectors');
    // Its staged twins, at the same distances, take no place from what the replica holds.
    const near = await untouched.vectorSearch.nearest(await embedder.embeddings.embedQuery(lede), 10);
    assert.equal(near.length, 10);
    assert.deepEqual(near, await held.vectorSearch.nearest(await embedder.embeddings.embedQuery(lede), 10));
    assert.deepEqual(await paragraphsOf(untouched, kept), keptBefore, 'the other documents as before');
    const starting = await load();
    assert.equal(starting.publishedAt, held.publishedAt, 'nothing new was published');
    assert.equal(starting.documents.length, files.documents.length, 'a replica starting now reads them all');
    assert.deepEqual(await paragraphsOf(starting, changed), before);

    const report = await savePostgresIndex(pool, rewritten(files, changed.id));
    assert.deepEqual(report.written, [changed.id]);
    assert.ok((await quotedIn(untouched, kept)).length > 0);
    // What a replica had read of it is what it holds: the publication it answers from.
    assert.deepEqual(await paragraphsOf(held, changed), before);

    // The publication that holds it reads it as it is now.
    const swapped = await load();
    assert.notEqual(swapped.publishedAt, held.publishedAt);
    const after = await paragraphsOf(swapped, changed);
    assert.deepEqual(
      after,
      before.map((text) => text.toUpperCase()),
    );
    const quotes = await quotedIn(swapped, changed);
    assert.ok(quotes.length > 0 && quotes.every((text) => text === text.toUpperCase()));
    assert.ok((await labelsOf(swapped, changed, word)).length > 0);
    assert.ok((await nearestOf(swapped, changed, lede)).length > 0);
  });

  it('reads the last publication whole after a writer stopped short of publishing', async () => {
    // As the first test left it published: `changed` rewritten.
    const published = rewritten(files, changed.id);
    const keptBefore = await paragraphsOf(await load(), kept);
    assert.ok(keptBefore.length > 0);
    const held = await load();
    await assert.rejects(
      savePostgresIndex(failingToPublish(pool), rewritten(published, kept.id)),
      /stopped before publishing/,
    );
    assert.deepEqual(await paragraphsOf(held, kept), keptBefore, 'the replica of the last publication');
    const during = await load();
    assert.equal(during.publishedAt, held.publishedAt, 'nothing new was published');
    assert.equal(during.documents.length, files.documents.length, 'a replica starting now');
    assert.deepEqual(await paragraphsOf(during, kept), keptBefore);
    assert.deepEqual(await paragraphsOf(during, changed), await paragraphsOf(held, changed));
    // The next publication that finishes holds it again.
    await savePostgresIndex(pool, rewritten(published, kept.id));
    const next = await load();
    assert.equal(next.documents.length, files.documents.length);
    assert.deepEqual(
      await paragraphsOf(next, kept),
      keptBefore.map((text) => text.toUpperCase()),
    );
  });
});
