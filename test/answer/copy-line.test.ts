import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyLine, passageLink } from '../../src/answer/copy-line.js';
import type { Quote } from '../../src/quotes/types.js';

const quote = (fields: Partial<Quote>): Quote => ({
  text: 'That can be a big deal because you could lose control of your company that way,',
  kind: 'direct',
  speaker: 'Dan Meyer',
  role: 'national security attorney',
  members: [],
  via: null,
  cue: 'said',
  confidence: 0.95,
  paragraph: 9,
  start: 0,
  end: 80,
  ...fields,
});
const axios = { publisher: 'Axios', date: '2024-10-27' };

describe('a copy-ready attribution line', () => {
  it('keeps the words verbatim, credits speaker and role, and says where and when it was published', () => {
    assert.equal(
      copyLine(quote({}), axios),
      '“That can be a big deal because you could lose control of your company that way,” Dan Meyer, a national security attorney, said (Axios, Oct. 27, 2024).',
    );
  });

  it('keeps a question mark, turns a final period into the comma before "said", names who relayed it', () => {
    assert.match(
      copyLine(quote({ text: 'Why would we?', role: null }), axios) ?? '',
      /^“Why would we\?” Dan Meyer said/,
    );
    assert.equal(
      copyLine(quote({ text: 'It was a mistake.', role: null, via: 'The Wall Street Journal' }), axios),
      '“It was a mistake,” Dan Meyer said (according to The Wall Street Journal, Axios, Oct. 27, 2024).',
    );
  });

  it('reports indirect speech as indirect, and offers nothing for an unattributed quote', () => {
    assert.equal(
      copyLine(quote({ kind: 'indirect', text: 'the contracts were at risk', role: null }), {
        publisher: null,
        date: null,
      }),
      'Dan Meyer said that the contracts were at risk.',
    );
    assert.equal(copyLine(quote({ speaker: null }), axios), null);
  });
});

describe('a link to the exact passage', () => {
  it('is a text fragment of the document URL, its reserved characters encoded', () => {
    assert.equal(
      passageLink('https://news.example/a#top', '“a high-Earth orbit, or so”'),
      'https://news.example/a#:~:text=a%20high%2DEarth%20orbit%2C%20or%20so',
    );
    assert.equal(
      passageLink('https://news.example/a', 'one two three four five six seven eight nine ten'),
      'https://news.example/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
    assert.equal(passageLink(null, 'words'), null);
  });
});
