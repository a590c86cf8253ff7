import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer, Citation } from '../../src/answer/types.js';
import { answerMessages } from '../../src/slack/views/answer-blocks.js';
import type { KnownBlock } from '../../src/slack/views/block-types.js';
import { MAX_BLOCKS, MAX_SECTION_CHARS, splitText } from '../../src/slack/views/limits.js';
import { escapeText } from '../../src/slack/views/mrkdwn.js';
import { summaryMessages } from '../../src/slack/views/summary-blocks.js';

const catalog = {
  roles: new Map([['Dan Meyer', 'national security attorney']]),
  documentCount: 5,
};

function citation(n: number, quote: string): Citation {
  return {
    n,
    doc: `doc-${n}.md`,
    title: `Title ${n}`,
    paragraph: n,
    text: quote,
    speaker: 'Dan Meyer',
    quote,
    kind: 'direct',
    role: null,
    url: 'https://example.com/a',
    publisher: 'Axios',
    date: '2024-10-27',
  };
}

function answer(text: string, citations: Citation[], abstained = false): Answer {
  return {
    answer: text,
    abstained,
    citations,
    mode: 'extractive',
    notes: [],
    removed: [],
    speakers: [],
    closest: [],
  };
}

/** Every text a block shows (section text and fields, context elements). */
function texts(block: KnownBlock): string[] {
  const record = block as { text?: { text?: string }; elements?: { text?: string }[] };
  return [record.text?.text ?? '', ...(record.elements ?? []).map((element) => element.text ?? '')];
}

describe('Slack views stay within Slack limits', () => {
  it('splits text at paragraph, sentence or word breaks, never over the limit and losing nothing', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} says something.`).join(' ');
    const pieces = splitText(text, 3000);
    assert.ok(pieces.length > 1);
    assert.ok(pieces.every((piece) => piece.length <= 3000));
    assert.equal(pieces.join(' '), text);
    assert.ok(
      pieces.slice(0, -1).every((piece) => piece.endsWith('.')),
      'cuts fall after sentences',
    );
  });

  it('spreads a very long answer over several messages of at most 50 blocks and 3,000 characters per section', () => {
    const citations = Array.from({ length: 60 }, (_, i) =>
      citation(i + 1, `Quote ${i} ${'word '.repeat(90)}`),
    );
    const messages = answerMessages(answer('x '.repeat(20_000), citations), catalog);
    assert.ok(messages.length > 1);
    for (const message of messages) {
      assert.ok(message.blocks.length <= MAX_BLOCKS);
      assert.ok(
        message.blocks.every((block) => texts(block).every((text) => text.length <= MAX_SECTION_CHARS)),
      );
      assert.ok(JSON.stringify(message.blocks).length < 13_000);
    }
    const last = messages.at(-1)?.blocks ?? [];
    assert.equal(last.at(-1)?.type, 'context_actions', 'the feedback buttons close the last message');
    const all = messages.flatMap((message) => message.blocks.flatMap(texts)).join('\n');
    assert.ok(all.includes('[60]'), 'every source is listed');
  });

  it('escapes untrusted text so it cannot ping a channel or disguise a link', () => {
    const [message] = answerMessages(answer('Ask <!channel> & <https://evil.example|safe>', []), catalog);
    const shown = JSON.stringify(message?.blocks);
    assert.ok(!shown.includes('<!channel>'));
    assert.ok(shown.includes(escapeText('<!channel> &')));
    assert.equal(
      message?.text,
      escapeText('Ask <!channel> & <https://evil.example|safe>'),
      'the fallback text too',
    );
    const [summary] = summaryMessages(
      {
        summary: 'Ping <!channel> at <https://evil.example|Click here>',
        participants: [],
        mode: 'generated',
        messageCount: 1,
        notes: [],
      },
      { heading: 'Thread summary', permalink: () => null },
    );
    assert.ok(!summary?.text.includes('<!channel>') && !summary?.text.includes('<https://'));
  });

  it('says plainly when it abstains, without sources or quotes', () => {
    const [message] = answerMessages(
      answer("I can't answer that from the indexed documents.", [], true),
      catalog,
    );
    const shown = message?.blocks.flatMap(texts).join('\n') ?? '';
    assert.match(shown, /can't answer that from the indexed documents/);
    assert.ok(!shown.includes('*Sources*'));
  });

  it('links each summary point to its message', () => {
    const [message] = summaryMessages(
      {
        summary: 'Two people.',
        participants: [
          { user: 'U1', name: 'Ana', points: [{ text: 'We ship Friday.', ts: '1700000000.000200' }] },
        ],
        mode: 'extractive',
        messageCount: 2,
        notes: [],
      },
      {
        heading: 'Thread summary',
        permalink: (ts) => `https://x.slack.com/archives/C1/p${ts.replace('.', '')}`,
      },
    );
    const shown = message?.blocks.flatMap(texts).join('\n') ?? '';
    assert.match(
      shown,
      /\*Ana\*\n• We ship Friday\. \(<!date\^1700000000\^[^^]+\^https:\/\/x\.slack\.com\/archives\/C1\/p1700000000000200\|message>\)/,
    );
  });
});

describe('Who said what', () => {
  it('puts only the speaker’s own words in quotation marks and marks reported speech as paraphrased', () => {
    const direct = {
      ...citation(1, 'This is why you do not rely on one provider,'),
      text: '"This is why you do not rely on one provider," Meyer said.',
    };
    const reported = {
      ...citation(2, 'the clearance would only be violated if unreported'),
      kind: 'indirect' as const,
      text: 'Meyer told Axios that the clearance would only be violated if unreported.',
    };
    const shown = answerMessages(answer('x', [direct, reported]), catalog)
      .flatMap((message) => message.blocks.flatMap(texts))
      .join('\n');
    assert.match(
      shown,
      /• \*Dan Meyer\*, national security attorney: “This is why you do not rely on one provider” \[1\]/,
    );
    assert.match(
      shown,
      /• \*Dan Meyer\*, national security attorney _\(paraphrased\)_: the clearance would only be violated if unreported \[2\]/,
    );
  });

  it('records the cited passages with the first message, the one the answer leads with first', () => {
    const cited = [citation(1, 'one'), citation(2, 'two'), citation(3, 'three')];
    const [first, ...rest] = answerMessages(
      answer('It was so [2], as said [1].\nRelated: [3]', cited),
      catalog,
    );
    assert.deepEqual(first?.sources, [
      { doc: 'doc-2.md', paragraph: 2 },
      { doc: 'doc-1.md', paragraph: 1 },
      { doc: 'doc-3.md', paragraph: 3 },
    ]);
    assert.ok(rest.every((message) => message.sources === undefined));
    const [declined] = answerMessages(answer("I can't answer that.", [], true), catalog);
    assert.deepEqual(declined?.sources, [], 'an abstention records that it cited nothing');
  });
});
