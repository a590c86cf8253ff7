import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { ask } from '../../src/answer/ask.js';
import { findQuotes, findQuotesFor } from '../../src/answer/find-quotes.js';
import { servedContextSteps } from '../../src/answer/question-tables.js';
import { prepareScope, withinScope } from '../../src/answer/scoped-context.js';
import { createSearchContext, type SearchContext } from '../../src/answer/search-context.js';
import { suggestedSpeakers } from '../../src/answer/suggested-questions.js';
import { createBotServices } from '../../src/bot-services.js';
import { checkQuote } from '../../src/check/check-quote.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { documentCollection } from '../../src/index/collection-labels.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { loadPostgresIndex, type PostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { runNow } from '../../src/run-in-slices.js';
import { quotePageMessage } from '../../src/slack/views/quote-blocks.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { bundledIndexCopy } from '../support/shared-index.js';

const dev = (
  JSON.parse(await readFile('test/fixtures/dev-questions.json', 'utf8')) as { questions: { q: string }[] }
).questions.map((question) => question.q);

const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const wordnet = new Wordnet();

/** A cache far smaller than one document: every question reads past it, so it must stay bounded. */
const CAPACITY = 6;
const NOW = new Date('2026-01-15T12:00:00Z');

/** Every SQL statement a pool runs, through `query` and through the clients it lends. */
function recording(pool: pg.Pool): { pool: pg.Pool; statements: string[] } {
  const statements: string[] = [];
  const record = (target: { query: (...args: never[]) => unknown }) =>
    new Proxy(target.query, {
      apply(query, self, args: unknown[]) {
        const [sql] = args;
        statements.push(typeof sql === 'string' ? sql : String((sql as { text?: string }).text));
        return Reflect.apply(query, self, args);
      },
    });
  const wrapped = new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'query') return record(target);
      if (property === 'connect')
        return async () => {
          const client = await target.connect();
          return new Proxy(client, {
            get: (inner, name, self) => (name === 'query' ? record(inner) : Reflect.get(inner, name, self)),
          });
        };
      return Reflect.get(target, property, receiver);
    },
  });
  return { pool: wrapped, statements };
}

/**
 * Issue 12, point 4: a replica over PostgreSQL holds no paragraph of the corpus. At start-up it reads
 * the documents, the tables the writer computed and how many chunks each document has — never a chunk
 * row — and while it answers it holds at most its cache's bound of them, answering exactly as the files
 * backend does however small that bound is.
 */
describe('a replica reads chunks from PostgreSQL on demand', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: IndexData;
  let filesContext: SearchContext;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    // Reed's statements in a collection of their own, for a scope of some collections.
    const read = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });
    files = {
      ...read,
      documents: read.documents.map((document) =>
        document.id.includes('reed') ? { ...document, collection: 'statements' } : document,
      ),
    };
    await savePostgresIndex(pool, files, { collectionOf: documentCollection });
    filesContext = createSearchContext(files, embedder, wordnet);
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('starts without reading a chunk row, and holds none but its bounded cache', async () => {
    const { pool: watched, statements } = recording(pool);
    const index = (await loadPostgresIndex(watched, embedder.id, {
      cachedParagraphs: CAPACITY,
      cachedDocuments: 2,
    })) as PostgresIndex;
    const context = runNow(servedContextSteps(index, embedder, wordnet));
    for (const table of ['whosaid_chunks', 'whosaid_quotes'])
      assert.deepEqual(
        statements.filter((sql) => sql.includes(table)).map((sql) => /GROUP BY document_id/.test(sql)),
        [true],
        `only a count per document from ${table}`,
      );
    assert.equal(index.store?.rowsRead, 0);
    assert.equal(index.quoteStore?.rowsRead, 0);
    assert.ok(
      index.documents.every((document) => document.quotes.length === 0),
      'no quote list held',
    );
    assert.equal(index.chunks.length, 0);
    assert.equal(context.paragraphs.size, 0);
    assert.equal(index.manifest.chunkCount, files.chunks.length);
  });

  it('answers, finds and checks quotes as the files backend, its cache never past its bound', async () => {
    const index = (await loadPostgresIndex(pool, embedder.id, {
      cachedParagraphs: CAPACITY,
      cachedDocuments: 2,
    })) as PostgresIndex;
    const store = index.store;
    assert.ok(store);
    const replica = runNow(servedContextSteps(index, embedder, wordnet));
    let largest = 0;
    let quoteLists = 0;
    const same = async <T>(work: (context: SearchContext) => Promise<T>, what: string) => {
      assert.deepEqual(await work(replica), await work(filesContext), what);
      largest = Math.max(largest, store.cached);
      quoteLists = Math.max(quoteLists, index.quoteStore?.cached ?? 0);
    };
    for (const question of dev) await same((context) => ask(context, { question, k: 5, now: NOW }), question);
    for (const document of files.documents)
      await same(
        (context) => ask(context, { question: `Summarize ${document.meta.title}`, k: 5, now: NOW }),
        document.id,
      );
    for (const entry of filesContext.speakers)
      await same((context) => findQuotesFor(context, entry.name, NOW), entry.name);
    await same((context) => findQuotesFor(context, 'Starlink', NOW), 'topic');
    for (const quote of files.documents.flatMap((document) => document.quotes).slice(0, 12))
      await same((context) => checkQuote(context, { claim: quote.text, speaker: 'Elon Musk' }), quote.text);
    const services = (context: SearchContext) => createBotServices(context, { k: 5, now: () => NOW });
    assert.deepEqual(services(replica).knowledge(), services(filesContext).knowledge());
    assert.deepEqual(
      await services(replica).suggestedQuestions(),
      await services(filesContext).suggestedQuestions(),
    );
    assert.ok(store.rowsRead > files.chunks.length, 'the questions read well past what the cache holds');
    assert.ok(largest <= 2 * CAPACITY, `held ${largest} chunks and paragraphs`);
    assert.ok(largest > 0);
    assert.ok(quoteLists <= 2, `held ${quoteLists} documents' quote lists`);
    assert.ok((index.quoteStore?.rowsRead ?? 0) > 0);
  });

  it('finds quotes by speaker, by topic and for suggestions reading only the quote rows they need', async () => {
    const index = (await loadPostgresIndex(pool, embedder.id)) as PostgresIndex;
    const quoteStore = index.quoteStore;
    assert.ok(quoteStore);
    const replica = runNow(servedContextSteps(index, embedder, wordnet));
    const total = files.documents.reduce((sum, document) => sum + document.quotes.length, 0);
    const readBy = async <T>(work: () => Promise<T>): Promise<{ result: T; rows: number }> => {
      const before = quoteStore.rowsRead;
      const result = await work();
      return { result, rows: quoteStore.rowsRead - before };
    };
    for (const entry of filesContext.speakers) {
      // By speaker: the rows read are the quotes found (those of the person, as a member too).
      const { result, rows } = await readBy(() => findQuotes(replica, { speaker: entry.name }));
      assert.equal(rows, result.hits.length, entry.name);
      assert.ok(rows < total, entry.name);
    }
    // By topic: a word of one document reads the quotes around it, not every quote (on the bundled
    // corpus about a tenth of them on average: a quarter is the bound).
    const rare = (index.tables?.vocabulary ?? []).filter(([, count]) => count === 1).map(([word]) => word);
    assert.ok(rare.length > 20);
    let rows = 0;
    for (const topic of rare) rows += (await readBy(() => findQuotes(replica, { topic }))).rows;
    assert.ok(rows < (rare.length * total) / 4, `${rows} rows for ${rare.length} topics of ${total} quotes`);
    // Suggestions: the quotes of the two speakers they are made for.
    const services = createBotServices(replica, { k: 5, now: () => NOW });
    const suggested = await readBy(() => services.suggestedQuestions());
    const chosen = suggestedSpeakers(
      filesContext.speakers.map((entry): [string, number] => [entry.name, entry.quoteCount]),
    );
    assert.equal(chosen.length, 2);
    const theirs = files.documents
      .flatMap((document) => document.quotes)
      .filter((quote) => chosen.includes(quote.speaker ?? ''));
    assert.equal(suggested.rows, theirs.length, chosen.join(', '));
    assert.ok(suggested.rows < total);
  });

  it('reads the paragraphs a topic lookup weighs once, their pages with them', async () => {
    const index = (await loadPostgresIndex(pool, embedder.id, {
      cachedParagraphs: CAPACITY,
    })) as PostgresIndex;
    const replica = runNow(servedContextSteps(index, embedder, wordnet));
    let reads = 0;
    const store = new Proxy(replica.store, {
      get(target, name) {
        const value: unknown = Reflect.get(target, name, target);
        if (name === 'paragraphs') reads += 1;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    for (const topic of ['security clearance', 'contract', 'security']) {
      reads = 0;
      const found = await findQuotes({ ...replica, store }, { topic });
      assert.ok(found.hits.length > CAPACITY, `${topic}: ${found.hits.length} quotes`);
      // Fewer candidates than a batch: one read scores them all and gives the pages of those found.
      assert.equal(reads, 1, topic);
      assert.deepEqual(found, await findQuotes(filesContext, { topic }), topic);
    }
  });

  it('weighs at most a bound of quotes for a common topic, those of the newest documents, and says so', async () => {
    const index = (await loadPostgresIndex(pool, embedder.id)) as PostgresIndex;
    const replica = runNow(servedContextSteps(index, embedder, wordnet));
    const whole = await findQuotes(replica, { topic: 'security' });
    assert.equal(whole.narrowed, undefined, 'the bundled corpus is far below the bound');
    assert.ok(whole.hits.length > 4, `${whole.hits.length} quotes`);
    const bounded = await findQuotes(replica, { topic: 'security', maxCandidates: 4 });
    assert.ok(bounded.narrowed, 'a narrowed lookup says so');
    assert.equal(bounded.narrowed.weighed, 4);
    assert.ok(bounded.narrowed.of > 4);
    assert.ok(bounded.hits.length <= 4);
    // The quotes weighed are those of the newest documents: a quote of the whole lookup left out is
    // no newer than any kept (it would have been weighed first, and scored as it does there).
    const key = (hit: { doc: string; start: number }) => `${hit.doc}@${hit.start}`;
    const all = new Set(whole.hits.map(key));
    assert.ok(
      bounded.hits.every((hit) => all.has(key(hit))),
      'each is one of the whole lookup',
    );
    const kept = new Set(bounded.hits.map(key));
    const oldestKept = bounded.hits.map((hit) => hit.date ?? '').sort()[0] ?? '';
    for (const hit of whole.hits.filter((other) => !kept.has(key(other))))
      assert.ok((hit.date ?? '') <= oldestKept, `${hit.doc} (${hit.date}) is newer than what was kept`);
    // Slack's reply says so beside the topic.
    const page = quotePageMessage(
      { query: 'security', by: 'topic', speakers: [], hits: bounded.hits, narrowed: bounded.narrowed },
      0,
    );
    assert.match(
      JSON.stringify(page.blocks),
      /ranked among the newest 4 of up to \d+ quotes that may mention it/,
    );
    // The files backend holds every quote in memory already: nothing to bound there.
    assert.equal(
      (await findQuotes(filesContext, { topic: 'security', maxCandidates: 4 })).narrowed,
      undefined,
    );
  });

  it('builds the tables of a scope of some collections a document at a time from the stores, keeping no paragraph', async () => {
    const index = (await loadPostgresIndex(pool, embedder.id, {
      cachedParagraphs: CAPACITY,
      cachedDocuments: 2,
    })) as PostgresIndex;
    const replica = runNow(servedContextSteps(index, embedder, wordnet));
    const scope = { collections: ['statements'] };
    await prepareScope(replica, scope);
    const scoped = withinScope(replica, scope);
    assert.equal(scoped.paragraphs.size, 0, 'read for the tables, not kept');
    await prepareScope(filesContext, scope);
    const expected = withinScope(filesContext, scope);
    assert.deepEqual(scoped.speakers, expected.speakers, 'the same speaker directory');
    assert.deepEqual(scoped.aliases, expected.aliases);
    for (const question of ['what did reed sya about starlink', ...dev.slice(0, 10)])
      assert.deepEqual(
        await ask(scoped, { question, k: 5, now: NOW }),
        await ask(expected, { question, k: 5, now: NOW }),
        question,
      );
  });
});
