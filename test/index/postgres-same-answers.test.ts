import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { ask } from '../../src/answer/ask.js';
import { corpusNameRuns } from '../../src/answer/corpus-names.js';
import { corpusTables } from '../../src/answer/corpus-tables.js';
import { correctQuestion, restoreNameCase } from '../../src/answer/correct-question.js';
import { findQuotes, findQuotesFor } from '../../src/answer/find-quotes.js';
import type { SearchContext } from '../../src/answer/search-context.js';
import { speakerByDescription } from '../../src/answer/speaker-descriptions.js';
import { checkQuote } from '../../src/check/check-quote.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { readIndex } from '../../src/index/index-store.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { tempDir } from '../support/temp-dir.js';

interface EvalQuestion {
  q: string;
  split: 'dev' | 'test';
}

const evaluation = (
  JSON.parse(await readFile('test/fixtures/qa-eval/questions.json', 'utf8')) as { questions: EvalQuestion[] }
).questions;

/** The same "now" on both sides: questions with relative dates read it. */
const NOW = new Date('2026-01-15T12:00:00Z');

/**
 * Issue 12, point 4: `ask`, `/quote`, quote checks, document summaries and lists, and the evaluation
 * give the same results on both backends for the bundled corpus. The PostgreSQL side answers from the
 * index published there (pgvector for vectors, full-text search for keywords), the files side from
 * hnswlib and MiniSearch; equal answers mean every figure the evaluation scripts print is equal too.
 */
describe('the PostgreSQL backend answers as the files backend over the bundled corpus', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: SearchContext;
  let postgres: SearchContext;
  let indexDir: string;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    indexDir = await bundledIndexCopy();
    const filesEnv = { WHOSAID_CORPUS_DIR: 'corpus', WHOSAID_INDEX_DIR: indexDir };
    files = await openSearchContext(loadConfig({ env: filesEnv, dotenvPath: null }));
    await savePostgresIndex(pool, await readIndex(indexDir, { embedderId: files.embedder.id }));
    const replicaEnv = {
      ...filesEnv,
      WHOSAID_INDEX_DIR: join(await tempDir(), 'no-index-here'),
      WHOSAID_DATABASE_URL: database.url,
    };
    postgres = await openSearchContext(loadConfig({ env: replicaEnv, dotenvPath: null }));
    assert.equal(postgres.index.lexical.constructor.name, 'PostgresLexicalSearch');
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  const answer = (context: SearchContext, question: string) => ask(context, { question, k: 5, now: NOW });

  it('reads the corpus-wide tables its writer computed, equal to those the files side builds', async () => {
    const published = postgres.index.tables;
    assert.ok(published, 'the replica read the tables published with the index');
    const built = corpusTables(await readIndex(indexDir, { embedderId: files.embedder.id }));
    assert.deepEqual(published, built);
    assert.ok(built.speakers.length > 5 && built.vocabulary.length > 300 && built.descriptions.length > 0);
    assert.deepEqual(postgres.speakers, files.speakers);
    assert.deepEqual(postgres.aliases, files.aliases);
    // With its paragraphs gone the replica still reads questions as the files side does: its typo,
    // name and description tables came from the publication, not from its chunks.
    const readings = (context: SearchContext) => ({
      typo: correctQuestion('what did meyr say about the clearance', context).text,
      name: restoreNameCase('what did frank kendall say about space force', context),
      runs: [...corpusNameRuns(context)],
      described: speakerByDescription('the Rhode Island senator', context)?.name ?? null,
    });
    const expected = readings(files);
    const hollow = { ...postgres, paragraphs: new Map() };
    assert.deepEqual(readings(hollow), expected);
    assert.equal(expected.described, 'Jack Reed');
  });

  it('answers every dev question of the evaluation alike', async () => {
    const dev = evaluation.filter((question) => question.split === 'dev');
    assert.ok(dev.length >= 100);
    for (const { q } of dev) assert.deepEqual(await answer(postgres, q), await answer(files, q), q);
  });

  it('answers the test split alike (compared as a whole: its questions are never shown)', async () => {
    const test = evaluation.filter((question) => question.split === 'test');
    assert.ok(test.length >= 100);
    const digest = async (context: SearchContext) => {
      const hash = createHash('sha256');
      for (const { q } of test) hash.update(JSON.stringify(await answer(context, q)));
      return hash.digest('hex');
    };
    assert.ok((await digest(postgres)) === (await digest(files)), 'some test-split answers differ');
  });

  it('summarizes and lists documents and their speakers alike', async () => {
    const requests = files.index.documents.flatMap((document) => [
      `Summarize ${document.meta.title}`,
      `Summarize the ${document.meta.source ?? document.meta.publisher ?? 'document'} story`,
    ]);
    // Every speaker, and every member of a group by surname ("which documents quote Reed").
    const members = files.speakers.flatMap((entry) => entry.members.map((name) => name.split(' ').at(-1)));
    const speakers = [...files.speakers.map((entry) => entry.name), ...new Set(members)];
    // Who is quoted: over every document from the directory and the speakers' tallies, in one by its quotes.
    requests.push(
      'Who is quoted?',
      'Who are the sources?',
      'List the speakers',
      ...files.index.documents.map((document) => `Who is quoted in ${document.meta.title}?`),
      'List the documents',
      ...speakers.slice(0, 8).map((name) => `Which documents mention ${name}?`),
      ...speakers.map((name) => `Which documents quote ${name}?`),
    );
    for (const request of requests)
      assert.deepEqual(await answer(postgres, request), await answer(files, request), request);
  });

  it('finds and checks quotes alike: /quote by speaker and topic, and every indexed quote checked', async () => {
    for (const entry of files.speakers) {
      assert.deepEqual(
        await findQuotes(postgres, { speaker: entry.name }),
        await findQuotes(files, { speaker: entry.name }),
      );
      assert.deepEqual(
        await findQuotesFor(postgres, entry.name, NOW),
        await findQuotesFor(files, entry.name, NOW),
      );
    }
    for (const topic of ['security clearance', 'Starlink', 'Ukraine', 'contract']) {
      assert.deepEqual(
        await findQuotesFor(postgres, topic, NOW),
        await findQuotesFor(files, topic, NOW),
        topic,
      );
    }
    // Topics the store narrows by its full-text index: words spread over the vocabulary, words of the
    // speakers' roles (found through the directory), whole headlines, and a speaker with a topic.
    const vocabulary = (postgres.index.tables?.vocabulary ?? []).map(([word]) => word);
    assert.ok(vocabulary.length > 300);
    const spread = vocabulary.filter((_, i) => i % Math.ceil(vocabulary.length / 60) === 0);
    const roles = files.speakers.flatMap((entry) => entry.roles).slice(0, 20);
    const titles = files.index.documents.map((document) => document.meta.title);
    let found = 0;
    for (const topic of [...spread, ...roles, ...titles, 'the of and']) {
      const expected = await findQuotes(files, { topic });
      found += expected.hits.length;
      assert.deepEqual(await findQuotes(postgres, { topic }), expected, topic);
    }
    assert.ok(found > 100, `the topics found ${found} quotes`);
    for (const entry of files.speakers.slice(0, 10))
      for (const topic of ['Starlink', 'security', titles[0] ?? ''])
        assert.deepEqual(
          await findQuotes(postgres, { speaker: entry.name, topic }),
          await findQuotes(files, { speaker: entry.name, topic }),
          `${entry.name} on ${topic}`,
        );
    const quotes = files.index.documents.flatMap((document) => document.quotes);
    assert.ok(quotes.length > 20);
    for (const quote of quotes) {
      for (const speaker of [null, quote.speaker, 'Elon Musk']) {
        const request = { claim: quote.text, speaker };
        assert.deepEqual(await checkQuote(postgres, request), await checkQuote(files, request), quote.text);
      }
    }
  });
});
