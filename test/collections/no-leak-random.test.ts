import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createBotServices } from '../../src/bot-services.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { channelScope, type Tenancy } from '../../src/collections/channel-scope.js';
import { readCollections, upsertCollection } from '../../src/collections/collection-registry.js';
import { loadConfig } from '../../src/config.js';
import type { ChannelBinding } from '../../src/store/state-store.js';
import { folderOf, type PrivateFact } from '../support/collection-fixtures.js';
import { INDEX_BACKENDS, indexBackend } from '../support/index-backends.js';
import { Random } from '../support/seeded-random.js';
import { bundledIndexCopy } from '../support/shared-index.js';

// The same collections, bindings and questions on every run; WHOSAID_LEAK_SEED replays another.
const SEED = Number(process.env.WHOSAID_LEAK_SEED ?? 1612);
const next = () => random.next();
const pick = <T>(items: readonly T[]): T => random.pick(items);
const SYLLABLES = ['vor', 'quel', 'mir', 'dax', 'tul', 'ren', 'sab', 'oki', 'lun', 'pez', 'gar', 'fen'];
const word = (parts: number) => Array.from({ length: parts }, () => pick(SYLLABLES)).join('');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const TEAMS = ['T0RANDA01', 'T0RANDB01', 'T0RANDC01'];
/** Every backend gets the same collections, bindings and questions: the generator restarts per backend. */
let random = new Random(SEED);
const COLLECTIONS = 8;
const QUESTIONS = 48;

/** Every collection's name and facts (each fact: a person and a word found in no other document). */
function makeFacts(): { name: string; team: string | null; facts: PrivateFact[] }[] {
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const made = make();
      if (!used.has(made)) {
        used.add(made);
        return made;
      }
    }
  };
  return Array.from({ length: COLLECTIONS }, (_, i) => ({
    name: `c${i}`,
    team: next() < 0.25 ? null : pick(TEAMS),
    facts: Array.from({ length: 2 }, () => {
      const surname = capital(unique(() => word(3)));
      const topic = unique(() => word(3));
      return {
        speaker: `${capital(word(2))} ${surname}`,
        surname,
        role: 'the harbour board’s treasurer',
        topic,
        quote: `The ${topic} will be finished before the winter storms arrive`,
      };
    }),
  }));
}

const collectionOf = (doc: string) => (doc.includes(':') ? (doc.split(':')[0] ?? '') : 'news');

for (const backend of INDEX_BACKENDS)
  describe(`no answer, quote or passage ever comes from a collection the channel does not read (seeded, ${backend} index)`, () => {
    const environment = indexBackend(backend);
    after(async () => (await environment).drop());
    it(`${QUESTIONS} questions over ${COLLECTIONS} collections, 3 installations and random bindings (seed ${SEED})`, async () => {
      random = new Random(SEED);
      const indexDir = await bundledIndexCopy();
      const config = loadConfig({
        env: { WHOSAID_INDEX_DIR: indexDir, WHOSAID_LOG_LEVEL: 'silent', ...(await environment).env },
        dotenvPath: null,
      });
      const collections = makeFacts();
      for (const collection of collections)
        await upsertCollection(config.collectionsDir, {
          name: collection.name,
          team: collection.team,
          folders: [await folderOf(collection.facts)],
        });
      const context = await openSearchContext(config);
      // On PostgreSQL, answered from what the database holds: keyword search there, not in memory.
      if (backend === 'postgres')
        assert.equal(context.index.lexical.constructor.name, 'PostgresLexicalSearch');
      const services = createBotServices(context, { k: config.topK });
      const names = ['news', ...collections.map((collection) => collection.name)];
      const bindings: ChannelBinding[] = Array.from({ length: 12 }, (_, i) => ({
        team: next() < 0.2 ? null : pick(TEAMS),
        channel: `C0RAND${String(i).padStart(3, '0')}`,
        collections: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(names)))],
      }));
      const tenancy: Tenancy = {
        records: await readCollections(config.collectionsDir),
        bindings,
        defaults: ['news', pick(collections).name],
      };
      let answeredInside = 0;
      let declinedOutside = 0;
      for (let i = 0; i < QUESTIONS; i++) {
        const place = { team: pick(TEAMS), channel: next() < 0.2 ? undefined : pick(bindings).channel };
        const scope = channelScope(place, tenancy);
        const allowed = new Set(scope.collections);
        // Half the questions are about a collection the channel reads (when it reads one), half about any.
        const readable = collections.filter((collection) => allowed.has(collection.name));
        const owner = readable.length > 0 && next() < 0.5 ? pick(readable) : pick(collections);
        const fact = pick(owner.facts);
        const scoped = services.within(scope);
        const where = `question ${i} from ${place.channel ?? 'a DM'} of ${place.team} (reads ${[...allowed].join(', ') || 'nothing'}), about ${owner.name}`;
        const answer = await scoped.ask(`What did ${fact.surname} say about the ${fact.topic}?`);
        const check = await scoped.checkQuote({ claim: fact.quote, speaker: null });
        const quotes = await scoped.quotes({ speaker: fact.surname });
        const found = await scoped.findQuotes(fact.surname);
        const docs = [
          ...answer.citations.map((citation) => citation.doc),
          ...answer.closest.map((passage) => passage.doc),
          ...check.citations.map((citation) => citation.doc),
          ...check.closest.map((passage) => passage.doc),
          ...(check.original ? [check.original.doc] : []),
          ...quotes.hits.map((hit) => hit.doc),
          ...found.hits.map((hit) => hit.doc),
          ...scoped.knowledge().documents.map((document) => document.id),
        ];
        for (const doc of docs) assert.ok(allowed.has(collectionOf(doc)), `${where}: ${doc} leaked`);
        const shown = JSON.stringify([answer.answer, quotes.suggestions, found.suggestions, check.summary]);
        if (!allowed.has(owner.name)) {
          assert.ok(answer.abstained, `${where}: answered from a collection it does not read`);
          assert.ok(!shown.includes(fact.speaker), `${where}: named ${fact.speaker}`);
          declinedOutside += 1;
        } else if (!answer.abstained) answeredInside += 1;
      }
      // Not vacuous: both kinds of question were asked, and readable facts were answered.
      assert.ok(declinedOutside >= 5, `only ${declinedOutside} questions about unreadable collections`);
      assert.ok(answeredInside >= 3, `only ${answeredInside} questions answered from readable collections`);
    });
  });
