import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prepareScope, withinScope } from '../../src/answer/scoped-context.js';
import { createSearchContext, type SearchContext } from '../../src/answer/search-context.js';
import { searchFixture } from '../support/search-fixture.js';

/** The bundled documents, the Axios article moved into a collection of its own ("legal"). */
function twoCollections(base: SearchContext): SearchContext {
  const documents = base.index.documents.map((document) =>
    document.id.includes('axios') ? { ...document, collection: 'legal' } : document,
  );
  return createSearchContext({ ...base.index, documents }, base.embedder, base.wordnet);
}

describe('a scope prepared ahead of its questions', () => {
  let base: SearchContext;
  before(async () => {
    base = (await searchFixture()).context;
  });
  const news = { collections: ['news'] };

  it('is the context withinScope would build at once: the same documents, speakers and aliases', async () => {
    const prepared = twoCollections(base);
    // Two requests at once share one build.
    await Promise.all([prepareScope(prepared, news), prepareScope(prepared, news)]);
    const scoped = withinScope(prepared, news);
    assert.equal(withinScope(prepared, news), scoped, 'kept, not built again');
    const atOnce = withinScope(twoCollections(base), news);
    assert.notEqual(atOnce, scoped);
    assert.deepEqual(
      scoped.index.documents.map((document) => document.id),
      atOnce.index.documents.map((document) => document.id),
    );
    assert.ok(scoped.index.documents.every((document) => !document.id.includes('axios')));
    assert.ok(scoped.index.documents.length > 0);
    assert.deepEqual(
      scoped.speakers.map((speaker) => speaker.name),
      atOnce.speakers.map((speaker) => speaker.name),
    );
    assert.deepEqual([...scoped.aliases.keys()].sort(), [...atOnce.aliases.keys()].sort());
  });

  it('is the context itself without a scope, or with one that covers every collection', async () => {
    const context = twoCollections(base);
    await prepareScope(context, undefined);
    await prepareScope(context, { collections: ['news', 'legal'] });
    assert.equal(withinScope(context, { collections: ['legal', 'news'] }), context);
  });
});
