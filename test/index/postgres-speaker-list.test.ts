import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { ask } from '../../src/answer/ask.js';
import { servedContextSteps } from '../../src/answer/question-tables.js';
import { createSearchContext, type SearchContext } from '../../src/answer/search-context.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { loadPostgresIndex, type PostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { tallyQuotes } from '../../src/index/quote-store.js';
import { runNow } from '../../src/run-in-slices.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { bundledIndexCopy } from '../support/shared-index.js';

const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const wordnet = new Wordnet();

/**
 * The bundled corpus with its people's quotes credited to many more speakers (the words stay verbatim
 * spans; only who said them changes): more than a listing shows, tied counts, one name quoted in
 * several documents, and one name with two roles no word joins — two people in the directory, one
 * name in the listing. The groups keep their members, so one group name still stands for several.
 */
function manySpeakers(index: IndexData): IndexData {
  let n = 0;
  const documents = index.documents.map((document, d) => ({
    ...document,
    quotes: document.quotes.map((quote, q) => {
      if (!quote.speaker || quote.members.length > 0) return quote;
      n += 1;
      const speaker = q % 4 === 1 ? 'Ada Quint' : `Speaker ${String.fromCharCode(65 + ((n * 7) % 23))}`;
      const role = speaker === 'Ada Quint' ? (d % 2 === 0 ? 'harbor master' : 'chess coach') : quote.role;
      return { ...quote, speaker, role };
    }),
  }));
  return { ...index, documents };
}

/**
 * Issue 12: "who is quoted" over every document is answered from the speaker directory and the tallies
 * of only the speakers it can list (and the groups), alike on both backends and as a count over every
 * quote would list them; a replica reads one quote row per speaker tallied, not every quote.
 */
describe('who is quoted in all the documents, from the directory', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: IndexData;
  let filesContext: SearchContext;
  let replica: SearchContext;
  let index: PostgresIndex;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    files = manySpeakers(await readIndex(await bundledIndexCopy(), { embedderId: embedder.id }));
    await savePostgresIndex(pool, files);
    filesContext = createSearchContext(files, embedder, wordnet);
    index = (await loadPostgresIndex(pool, embedder.id)) as PostgresIndex;
    replica = runNow(servedContextSteps(index, embedder, wordnet));
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('lists as a count over every quote does, on both backends, reading one row per speaker shown', async () => {
    const tallies = tallyQuotes(files.documents.map((document) => [document, document.quotes] as const));
    assert.ok(tallies.length > 17, `${tallies.length} speakers`);
    const quint = filesContext.speakers.filter((entry) => entry.name === 'Ada Quint');
    assert.equal(quint.length, 2, 'two people of one name in the directory');
    const ranked = [...tallies].sort(
      (a, b) => b.count - a.count || (a.first.quote.speaker ?? '').localeCompare(b.first.quote.speaker ?? ''),
    );
    const question = 'who is quoted?';
    const expected = await ask(filesContext, { question, k: 5 });
    const lines = expected.answer.split('\n').filter((line) => line.startsWith('• '));
    assert.match(expected.answer, new RegExp(`^${tallies.length} speakers are quoted in the 5 documents:`));
    assert.match(expected.answer, new RegExp(`…and ${tallies.length - 15} more\\.$`));
    assert.equal(lines.length, 15);
    for (const [i, line] of lines.entries()) {
      const tally = ranked[i];
      assert.ok(tally);
      const times = tally.count === 1 ? 'once' : `${tally.count} times`;
      assert.ok(line.includes(`— quoted ${times}`), `${line} (${tally.first.quote.speaker})`);
      assert.ok(line.toLowerCase().includes((tally.first.quote.speaker ?? '').toLowerCase()), line);
    }
    assert.ok(lines.some((line) => line.startsWith('• Ada Quint') && / in \d documents/.test(line)));

    const total = files.documents.reduce((sum, document) => sum + document.quotes.length, 0);
    const { quoteStore } = index;
    assert.ok(quoteStore);
    const before = quoteStore.rowsRead;
    assert.deepEqual(await ask(replica, { question, k: 5 }), expected);
    const read = quoteStore.rowsRead - before;
    // The first quote of each speaker tallied: the 15 most quoted people and the groups' tallies.
    const groups = tallies.filter((tally) => tally.first.quote.members.length > 0).length;
    assert.ok(groups > 1);
    assert.equal(read, 15 + groups, `${read} quote rows of ${total}`);
  });
});
