import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { analyzeQuestion } from '../../src/answer/analyze-question.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { documentCollection, labelsOf } from '../../src/index/collection-labels.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { inMemoryLexicalSearch, type LexicalSearch } from '../../src/index/lexical-search.js';
import { loadPostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { words } from '../../src/text/terms.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { Random } from '../support/seeded-random.js';
import { bundledIndexCopy } from '../support/shared-index.js';

const questions = (
  await Promise.all(
    ['test/fixtures/axios-musk-putin-spacex.qa.json', 'test/fixtures/dev-questions.json'].map(
      async (path) => (JSON.parse(await readFile(path, 'utf8')) as { questions: { q: string }[] }).questions,
    ),
  )
)
  .flat()
  .map((question) => question.q);

const wordnet = new Wordnet();

/** Scores agree to this relative error: the same formula, summed in another order. */
const TOLERANCE = 1e-9;

describe('keyword search in PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: IndexData;
  let postgres: LexicalSearch;
  let inMemory: LexicalSearch;
  /** Every second document in a collection of its own, so restricted views differ from the whole. */
  const collectionOf = (i: number) => (i % 2 === 0 ? 'news' : 'memos');
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const read = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });
    files = {
      ...read,
      documents: read.documents.map((document, i) => ({
        ...document,
        collection: collectionOf(i),
      })),
    };
    await savePostgresIndex(pool, files, { collectionOf: documentCollection });
    const loaded = await loadPostgresIndex(pool, embedder.id);
    assert.ok(loaded);
    postgres = loaded.lexical;
    inMemory = inMemoryLexicalSearch(files.lexical);
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  /** Queries: every question, with other questions' words as expansions; words and pairs from chunks. */
  function queries() {
    const random = new Random(12);
    const pick = <T>(list: readonly T[]): T => random.pick(list);
    const chunkWords = files.chunks.map((chunk) => words(chunk.text));
    const phrases = Array.from({ length: 80 }, () => {
      const list = pick(chunkWords);
      const at = random.int(Math.max(1, list.length - 2));
      return list.slice(at, at + 1 + random.int(3)).join(' ');
    });
    // As retrieval asks (the question's search text and its WordNet expansions), and with other words.
    const analyses = questions.map((text) =>
      analyzeQuestion(text, { wordnet, inCorpus: (word) => inMemory.documentFrequency(word) > 0 }),
    );
    return {
      searches: [
        ...analyses.map((analysis) => ({
          text: analysis.searchText,
          expansions: analysis.expansions,
          limit: 50,
        })),
        ...questions.map((text) => ({ text, expansions: words(pick(questions)).slice(0, 4), limit: 24 })),
      ],
      phrases: [...phrases, 'Putin Musk', 'zzyzx quuxly', 'the of and', "Musk's", ''],
    };
  }

  function assertSameHits(
    actual: { label: number; score: number }[],
    expected: { label: number; score: number }[],
    what: string,
  ) {
    assert.deepEqual(
      actual.map((hit) => hit.label),
      expected.map((hit) => hit.label),
      what,
    );
    actual.forEach((hit, i) => {
      const score = expected[i]?.score ?? Number.NaN;
      assert.ok(
        Math.abs(hit.score - score) <= TOLERANCE * Math.abs(score),
        `${what}: ${hit.score} vs ${score}`,
      );
    });
  }

  async function assertSameSearch(actual: LexicalSearch, expected: LexicalSearch, view: string) {
    const { searches, phrases } = queries();
    for (const query of searches) {
      const [got, want] = await Promise.all([actual.search(query), expected.search(query)]);
      assert.ok(want.length > 0 || view !== 'all', `${view}: "${query.text}" finds something`);
      assertSameHits(got, want, `${view}: search "${query.text}"`);
      assert.deepEqual(
        got.map((hit) => [...hit.terms].sort()),
        want.map((hit) => [...hit.terms].sort()),
      );
    }
    for (const phrase of phrases) {
      assert.equal(
        await actual.containsAll(phrase),
        await expected.containsAll(phrase),
        `${view}: "${phrase}"`,
      );
      assert.deepEqual(
        await actual.chunksWithAll(phrase, 20),
        await expected.chunksWithAll(phrase, 20),
        `${view}: chunks with all of "${phrase}"`,
      );
      for (const word of [...words(phrase), phrase]) {
        assert.equal(
          actual.documentFrequency(word),
          expected.documentFrequency(word),
          `${view}: df "${word}"`,
        );
        assert.equal(actual.inverseDocumentFrequency(word), expected.inverseDocumentFrequency(word));
      }
    }
  }

  it('ranks every question as the files backend does, with the same scores and word statistics', async () => {
    await assertSameSearch(postgres, inMemory, 'all');
  });

  it('restricted to collections, searches and counts only theirs, as the files backend does', async () => {
    for (const collections of [['news'], ['memos'], ['news', 'memos'], ['sports']]) {
      const request = { labels: labelsOf(files, collections), size: files.chunks.length, collections };
      await assertSameSearch(
        postgres.restrictedTo(request),
        inMemory.restrictedTo(request),
        collections.join('+'),
      );
    }
  });

  it('migrating a database that holds an index published before keyword search empties it, to be published again', async () => {
    const old = await createTestDatabase();
    const oldPool = testPool(old.url);
    try {
      const migrations = await loadMigrations('index');
      await migrate(oldPool, migrations.slice(0, 2));
      await oldPool.query(
        "INSERT INTO whosaid_index (manifest) VALUES ('{}'); INSERT INTO whosaid_documents (id, ordinal, content_hash, stored) VALUES ('a.md', 0, 'h', '{}')",
      );
      await oldPool.query(
        "INSERT INTO whosaid_chunks (document_id, position, chunk, text, speakers, title, embedding) VALUES ('a.md', 0, '{}', 'Musk said', '', 'A', '[1,2,3]')",
      );
      await migrate(oldPool, migrations);
      const { rows } = await oldPool.query<{ n: string }>(
        'SELECT (SELECT count(*) FROM whosaid_index) + (SELECT count(*) FROM whosaid_chunks) AS n',
      );
      assert.equal(rows[0]?.n, '0');
      await savePostgresIndex(oldPool, files, { collectionOf: documentCollection });
      const loaded = await loadPostgresIndex(oldPool, files.manifest.embedder.id);
      assert.deepEqual(
        (await loaded?.lexical.search({ text: 'security clearance', limit: 5 }))?.map((hit) => hit.label),
        files.lexical.search({ text: 'security clearance', limit: 5 }).map((hit) => hit.label),
      );
    } finally {
      await oldPool.end();
      await old.drop();
    }
  });

  it('keeps its term statistics right as documents are rewritten, moved and removed', async () => {
    const [first, second, ...rest] = files.documents;
    assert.ok(first && second);
    const edited = {
      ...files,
      documents: [{ ...first, contentHash: 'changed', collection: 'memos' }, ...rest],
      chunks: files.chunks.filter((chunk) => chunk.doc !== second.id),
    };
    await savePostgresIndex(pool, edited, { collectionOf: documentCollection });
    // What the triggers kept equals a count made from scratch over the rows as they are now.
    const { rows } = await pool.query<{ kept: string; counted: string }>(`
      SELECT (SELECT count(*) FROM whosaid_terms) AS kept,
             (SELECT count(*) FROM (
                SELECT u.lexeme, w.field, c.collection, count(*) AS chunks
                  FROM whosaid_chunks c, unnest(c.lexical) u,
                       LATERAL (SELECT DISTINCT unnest(u.weights) AS field) w
                 GROUP BY 1, 2, 3) fresh
               JOIN whosaid_terms t ON t.term = fresh.lexeme AND t.field = fresh.field::"char"
                AND t.collection = fresh.collection AND t.chunks = fresh.chunks) AS counted`);
    assert.ok(Number(rows[0]?.kept) > 300, 'the bundled corpus has hundreds of terms');
    assert.equal(rows[0]?.kept, rows[0]?.counted);
    const lengths = await pool.query<{ collection: string; chunks: string }>(
      'SELECT collection, chunks FROM whosaid_field_lengths ORDER BY collection',
    );
    const expected = new Map<string, number>();
    for (const chunk of edited.chunks) {
      const document = edited.documents.find((candidate) => candidate.id === chunk.doc);
      if (document)
        expected.set(documentCollection(document), (expected.get(documentCollection(document)) ?? 0) + 1);
    }
    assert.deepEqual(
      lengths.rows.map((row) => [row.collection, Number(row.chunks)]),
      [...expected].sort(),
    );
  });
});
