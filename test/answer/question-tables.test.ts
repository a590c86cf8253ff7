import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctQuestion, restoreNameCase } from '../../src/answer/correct-question.js';
import { servedContextSteps } from '../../src/answer/question-tables.js';
import { createSearchContext, type SearchContext } from '../../src/answer/search-context.js';
import { speakerByDescription } from '../../src/answer/speaker-descriptions.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { readIndex } from '../../src/index/index-store.js';
import { runNow } from '../../src/run-in-slices.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { bundledIndexCopy } from '../support/shared-index.js';

const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
const wordnet = new Wordnet();
const index = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });

/**
 * What three questions read from the tables built over the paragraphs: a typo corrected, a name typed
 * in lower case given its capitals, a person found by description.
 */
function readings(context: SearchContext) {
  return {
    typo: correctQuestion('what did meyr say about the clearance', context).text,
    name: restoreNameCase('what did frank kendall say about space force', context),
    described: speakerByDescription('the Rhode Island senator', context)?.name ?? null,
  };
}

describe('the tables questions are read with', () => {
  it('are built with a generation the bot serves, before its first question', () => {
    const served = runNow(servedContextSteps(index, embedder, wordnet));
    // With the paragraphs gone, only tables built beforehand can still answer.
    served.paragraphs.clear();
    assert.deepEqual(readings(served), {
      typo: 'what did meyer say about the clearance',
      name: 'what did Frank Kendall say about Space Force',
      described: 'Jack Reed',
    });
  });

  it('are otherwise built on the first question that needs them (the CLI), with the same result', () => {
    const lazy = createSearchContext(index, embedder, wordnet);
    assert.deepEqual(readings(lazy), readings(runNow(servedContextSteps(index, embedder, wordnet))));
    const hollow = createSearchContext(index, embedder, wordnet);
    hollow.paragraphs.clear();
    const none = readings(hollow);
    assert.equal(none.name, 'what did frank kendall say about space force', 'nothing was built beforehand');
    assert.equal(none.described, null);
  });
});
