import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import { documentRequest } from '../../src/answer/document-answer.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

describe('document-level requests', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
  });

  it('tells a request about documents from a question about facts', () => {
    assert.equal(documentRequest('which articles do you have indexed?'), 'list');
    assert.equal(documentRequest('please summarize the press release'), 'summary');
    assert.equal(documentRequest("what's this letter about"), 'summary');
    // Chat drops a contraction's apostrophe.
    assert.equal(documentRequest('whats the reed statement about'), 'summary');
    // …and spells "you" and "please" as chat does.
    assert.equal(documentRequest('can u summarize the axios article'), 'summary');
    assert.equal(documentRequest('pls summarize the reed statement'), 'summary');
    assert.equal(documentRequest('What’s the story about'), 'summary');
    assert.equal(documentRequest('What did the senators say about the letter?'), null);
    assert.equal(documentRequest("who's quoted in the axios piece?"), 'speakers');
    assert.equal(documentRequest('list the sources'), 'speakers');
    assert.equal(documentRequest('who said the government relies on SpaceX?'), null);
    // A noun for a summary or a meaning of a document, as WordNet files it, asks for the whole of it.
    const { wordnet } = fixture.context;
    assert.equal(documentRequest('What is the gist of the Reed statement?', wordnet), 'summary');
    assert.equal(documentRequest('could you give me a quick overview of the letter?', wordnet), 'summary');
    assert.equal(documentRequest('give me the bottom line on the Shaheen letter', wordnet), 'summary');
    assert.equal(documentRequest("what's the date of the Axios article?", wordnet), null);
    assert.equal(documentRequest('What is the title of the letter?', wordnet), null);
    // A summary noun with no verb before it, and "what's in / what does X say" with no topic of its own.
    assert.equal(documentRequest('overview of the sept 2023 letter', wordnet), 'summary');
    assert.equal(documentRequest("what's in the nov 2024 release?"), 'summary');
    assert.equal(documentRequest('what does the axios story say'), 'summary');
    assert.equal(documentRequest('what does the axios story say about nasa'), null);
  });

  it('gives the date of the one document a "when was … published" names, from its metadata', async () => {
    assert.equal(documentRequest('when was the reed statement released?'), 'date');
    assert.equal(documentRequest('When was the letter to Austin sent?'), 'date');
    const published = await ask(fixture.context, { question: 'when was the axios article published', k: 5 });
    assert.match(published.answer, /^Sunday, October 27, 2024 — the date of/);
    assert.equal(published.citations[0]?.doc, 'corpus/axios-musk-putin-spacex.md');
    // A report the documents speak of is no indexed document: its time is read from the text.
    const reported = await ask(fixture.context, {
      question: "When did the Journal's report on Musk and Putin come out?",
      k: 5,
    });
    assert.doesNotMatch(reported.answer, /the date of/);
  });

  it('summarises the document a request names, whatever noun it asks with', async () => {
    const gist = await ask(fixture.context, { question: 'What is the gist of the Reed statement?', k: 5 });
    assert.equal(gist.abstained, false, gist.answer);
    assert.match(gist.answer, /^Sen\. Reed: Starlink Highlights Vulnerabilities/);
    assert.ok(gist.citations.every((citation) => citation.doc.includes('reed-2023-09')));
  });

  it("finds the document a request names in lower case, and calls a publisher's document an article or piece", async () => {
    const piece = await ask(fixture.context, { question: "what's the main point of the axios piece", k: 5 });
    assert.equal(piece.abstained, false, piece.answer);
    assert.ok(piece.citations.every((citation) => citation.doc.includes('axios-musk-putin')));
    const reed = await ask(fixture.context, { question: 'what is the gist of the reed statement', k: 5 });
    assert.ok(
      reed.citations.every((citation) => citation.doc.includes('reed-2023-09')),
      reed.answer,
    );
  });

  it('lists the documents that quote someone, a group’s statement counting for its members there', async () => {
    const reed = await ask(fixture.context, { question: 'which documents quote reed?', k: 5 });
    assert.match(reed.answer, /^2 of the 5 documents quote reed:/);
    // Reed signed the 2024 letter with Shaheen, not the 2023 one to Austin, though both are "the Senators".
    assert.deepEqual(reed.citations.map((citation) => citation.doc).sort(), [
      'corpus/reed-2023-09-starlink-vulnerabilities-statement.md',
      'corpus/reed-shaheen-2024-11-15-musk-spacex-investigation.md',
    ]);
    const none = await ask(fixture.context, { question: 'which articles quote Bezos?', k: 5 });
    assert.equal(none.abstained, true);
    assert.match(none.answer, /None of the 5 indexed documents quote Bezos\./);
  });

  it('says who is quoted in one document or in all, each cited where they are first quoted', async () => {
    const one = await ask(fixture.context, { question: "who's quoted in the axios piece?", k: 5 });
    assert.match(one.answer, /^6 speakers are quoted in “Musk's reported Putin contacts/);
    assert.match(one.answer, /^• Dan Meyer, a national security attorney — quoted 12 times \[1\]$/m);
    assert.ok(one.citations.every((citation) => citation.doc === 'corpus/axios-musk-putin-spacex.md'));
    for (const citation of one.citations) assert.ok(citation.speaker, 'each cited for a quote');
    const all = await ask(fixture.context, { question: 'who are the speakers in the documents?', k: 5 });
    assert.match(all.answer, /speakers are quoted in the 5 documents:/);
    // A group is its members: the two Senators groups of two letters are listed apart.
    assert.equal((all.answer.match(/^• The Senators \(/gm) ?? []).length, 2);
    // A document the corpus does not hold is no document of it.
    const absent = await ask(fixture.context, {
      question: 'who is quoted in the nyt piece about jeff bezos?',
      k: 5,
    });
    assert.equal(absent.abstained, true);
    assert.deepEqual(absent.citations, []);
  });

  it('lists the documents that mention a topic, or that their metadata describes, and says when none do', async () => {
    const topic = await ask(fixture.context, { question: 'which docs mention Putin?', k: 5 });
    assert.match(topic.answer, /^2 of the 5 documents mention Putin:/);
    for (const citation of topic.citations)
      assert.match(citation.text, /Putin/, 'cited where it is mentioned');
    const described = await ask(fixture.context, {
      question: 'Which of the documents are press releases from senators?',
      k: 5,
    });
    assert.match(described.answer, /^4 of the 5 documents are press releases from senators:/);
    assert.ok(described.citations.every((citation) => citation.doc !== 'corpus/axios-musk-putin-spacex.md'));
    // A document's date is part of what its metadata says: its year, its month by name or short form.
    for (const question of ['which documents are from 2023', 'which docs are from sept 2023?']) {
      const dated = await ask(fixture.context, { question, k: 5 });
      assert.match(dated.answer, /^3 of the 5 documents are from /, question);
      assert.ok(
        dated.citations.every((citation) => /2023/.test(citation.doc)),
        question,
      );
    }
    const undated = await ask(fixture.context, { question: 'which documents are from 2025', k: 5 });
    assert.equal(undated.abstained, true);
    // A shell noun ("issue", "situation") names no part of the topic: the word before it does.
    const shell = await ask(fixture.context, {
      question: 'Which documents discuss the Starlink issue?',
      k: 5,
    });
    assert.match(shell.answer, /^3 of the 5 documents mention the Starlink issue:/);
    const none = await ask(fixture.context, { question: 'Which articles mention Jeff Bezos?', k: 5 });
    assert.equal(none.abstained, true);
    assert.match(none.answer, /^None of the 5 indexed documents mention Jeff Bezos\.$/);
    assert.deepEqual(none.citations, []);
    const count = await ask(fixture.context, { question: 'How many documents are in your corpus?', k: 5 });
    assert.match(count.answer, /^I have 5 documents:/);
    // A question about documents in the story is a question about facts.
    assert.equal(documentRequest('How many classified documents did Musk leak?'), null);
  });

  it('summarizes only a document the request names; a request about none is declined plainly', async () => {
    const none = await ask(fixture.context, {
      question: 'Can you summarize the latest Fed interest rate decision?',
      k: 5,
    });
    assert.equal(none.abstained, true, none.answer);
    assert.match(none.answer, /No indexed document is about that\./);
    assert.deepEqual(none.citations, []);
    const reed = await ask(fixture.context, { question: 'summarize the Reed statement', k: 5 });
    assert.equal(reed.abstained, false, reed.answer);
  });

  it('lists the indexed documents, each cited by its first paragraph', async () => {
    const answer = await ask(fixture.context, { question: 'What documents do you have?', k: 5 });
    assert.equal(answer.abstained, false);
    assert.equal(answer.citations.length, 5);
    assert.match(answer.answer, /^I have 5 documents:/);
    assert.ok(answer.citations.every((citation) => citation.paragraph === 1));
  });

  it('lists the documents by date for "the oldest" or "the latest", and as a whole for "what are these about"', async () => {
    const oldest = await ask(fixture.context, { question: "what's the oldest document?", k: 5 });
    assert.match(
      oldest.answer,
      /^The oldest is Sen\. Reed: Starlink Highlights .* \(2023-09\) \[1\]\. I have 5 documents, oldest first:/,
    );
    assert.equal(oldest.citations[0]?.doc, 'corpus/reed-2023-09-starlink-vulnerabilities-statement.md');
    const newest = await ask(fixture.context, { question: 'latest doc you have?', k: 5 });
    assert.equal(newest.citations[0]?.doc, 'corpus/reed-shaheen-2024-11-15-musk-spacex-investigation.md');
    // A question about a fact in the latest article is no list request.
    assert.equal(documentRequest('what did the latest article say about Musk?'), null);
    const about = await ask(fixture.context, { question: 'what are these docs about', k: 5 });
    assert.match(about.answer, /^I have 5 documents:/);
  });

  it('summarizes the document all the names before one noun fit ("the shaheen reed letter")', async () => {
    const answer = await ask(fixture.context, { question: 'tldr of the shaheen reed letter', k: 5 });
    assert.ok(answer.citations.length > 0);
    assert.ok(
      answer.citations.every(
        (citation) => citation.doc === 'corpus/reed-shaheen-2024-11-15-musk-spacex-investigation.md',
      ),
    );
  });

  it('summarizes the one document of the kind a bare reference names ("the article")', async () => {
    const answer = await ask(fixture.context, { question: 'what is the article about', k: 5 });
    assert.equal(answer.abstained, false);
    assert.ok(answer.citations.every((citation) => citation.doc === 'corpus/axios-musk-putin-spacex.md'));
  });

  it('summarizes the document meant: its lede, then who said what, each line cited verbatim', async () => {
    const answer = await ask(fixture.context, { question: 'summarise the Axios story for me', k: 5 });
    assert.equal(answer.abstained, false);
    assert.ok(answer.citations.every((citation) => citation.doc === 'corpus/axios-musk-putin-spacex.md'));
    assert.match(answer.answer, /Who said what:\n• /);
    assert.match(answer.answer, /Dan Meyer, a national security attorney:/);
    const lede = answer.citations[0];
    assert.ok(lede && lede.paragraph > 1, 'the photo caption is not the lede');
    for (const citation of answer.citations) {
      assert.equal(
        citation.text,
        fixture.context.paragraphs.get(`${citation.doc}#${citation.paragraph}`)?.text,
      );
      if (citation.quote) assert.ok(citation.text.includes(citation.quote));
    }
  });

  it("cites a paragraph once when the lede is also a speaker's quote", async () => {
    const summary = await ask(fixture.context, { question: 'Summarize the Reed statement', k: 5 });
    const paragraphs = summary.citations.map((citation) => `${citation.doc}#${citation.paragraph}`);
    assert.ok(paragraphs.length > 0);
    assert.equal(new Set(paragraphs).size, paragraphs.length, paragraphs.join(' '));
  });
});
