import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConversationTurn } from '../../src/answer/follow-up-question.js';
import { sourcesFollowUp } from '../../src/answer/source-follow-up.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config.js';
import { bundledIndexCopy } from '../support/shared-index.js';

// Follow-ups about the documents the previous answer cited, read from the real bundled index.
const context = await openSearchContext(
  loadConfig({
    env: { WHOSAID_INDEX_DIR: await bundledIndexCopy(), WHOSAID_LOG_LEVEL: 'silent' },
    dotenvPath: null,
  }),
);
const AXIOS = 'corpus/axios-musk-putin-spacex.md';
const LETTER = 'corpus/shaheen-2023-09-starlink-letter-to-austin.md';
const REED = 'corpus/reed-2023-09-starlink-vulnerabilities-statement.md';

function turns(...sources: { doc: string; paragraph: number }[][]): ConversationTurn[] {
  return sources.flatMap((cited, i) => [
    { from: 'asker' as const, text: `question ${i}` },
    { from: 'bot' as const, text: `answer ${i} [1]`, sources: cited },
  ]);
}

describe('follow-ups about the cited documents', async () => {
  it('answers which document, when, who published it and its link, citing the paragraph cited before', async () => {
    const conversation = turns([{ doc: AXIOS, paragraph: 11 }]);
    const which = await sourcesFollowUp(context, 'which article was that?', conversation);
    assert.match(
      which?.answer ?? '',
      /^That was “Musk's reported Putin contacts.*” \(Axios, 2024-10-27\) \[1\]\.$/,
    );
    assert.deepEqual(
      which?.citations.map((citation) => [citation.doc, citation.paragraph]),
      [[AXIOS, 11]],
    );
    assert.match(
      (await sourcesFollowUp(context, "What's the source?", conversation))?.answer ?? '',
      /^That was “Musk/,
    );
    assert.match(
      (await sourcesFollowUp(context, 'where is that from?', conversation))?.answer ?? '',
      /^That was/,
    );
    assert.match(
      (await sourcesFollowUp(context, 'When was that published?', conversation))?.answer ?? '',
      /is dated 2024-10-27 \(Axios\) \[1\]/,
    );
    assert.match(
      (await sourcesFollowUp(context, 'who published it?', conversation))?.answer ?? '',
      /is from Axios/,
    );
    assert.match(
      (await sourcesFollowUp(context, 'is there a link?', turns([{ doc: REED, paragraph: 1 }])))?.answer ??
        '',
      /https:\/\/www\.reed\.senate\.gov\//,
    );
  });

  it('keeps the documents a noun names, lists several, and reads only the latest answer', async () => {
    const both = turns([
      { doc: AXIOS, paragraph: 6 },
      { doc: LETTER, paragraph: 3 },
      { doc: AXIOS, paragraph: 11 },
    ]);
    const letter = await sourcesFollowUp(context, 'Which letter was that?', both);
    assert.deepEqual(
      letter?.citations.map((citation) => citation.doc),
      [LETTER],
    );
    // The singular asks for the one the answer leads with; the plural for all it cited.
    assert.deepEqual(
      (await sourcesFollowUp(context, 'which article was that?', both))?.citations.map(
        (citation) => citation.doc,
      ),
      [AXIOS],
    );
    assert.deepEqual(
      (await sourcesFollowUp(context, 'which articles were those?', both))?.citations.map(
        (citation) => citation.doc,
      ),
      [AXIOS, LETTER],
    );
    const sources = await sourcesFollowUp(context, 'what are the sources?', both);
    assert.match(sources?.answer ?? '', /^The answer cited 2 documents:\n• “Musk.*\[1\]\n• “Shaheen.*\[2\]$/);
    // The latest answer abstained: "that" is not something an older answer cited.
    assert.equal(await sourcesFollowUp(context, 'which article was that?', [...both, ...turns([])]), null);
  });

  it('leaves questions with content of their own, and documents outside the context, alone', async () => {
    const conversation = turns([{ doc: AXIOS, paragraph: 11 }]);
    for (const question of [
      'When was the Starlink contract signed?',
      'who said that?',
      'What else did he say about it?',
      'which senators signed the letter?',
      'What did Meyer say?',
    ])
      assert.equal(await sourcesFollowUp(context, question, conversation), null, question);
    assert.equal(
      await sourcesFollowUp(
        context,
        'which article was that?',
        turns([{ doc: 'legal:memo.md', paragraph: 1 }]),
      ),
      null,
    );
  });
});
