import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import { referencedDocuments } from '../../src/answer/document-reference.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

describe('documents named by author and kind', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
  });

  it('finds the document a possessive or a name before a kind of document names', () => {
    assert.deepEqual(referencedDocuments("What does Reed's statement say about Starlink?", fixture.context), [
      'corpus/reed-2023-09-starlink-vulnerabilities-statement.md',
    ]);
    assert.deepEqual(referencedDocuments('what did the Axios article say', fixture.context), [
      'corpus/axios-musk-putin-spacex.md',
    ]);
    // A signer described by state, through the state's other name ("D-MI" for Michigan).
    assert.deepEqual(
      referencedDocuments("What did the Michigan senator's letter ask for?", fixture.context),
      ['corpus/shaheen-2023-09-starlink-letter-to-austin.md'],
    );
    // A month and year, or a year, before the kind: the documents of that date.
    assert.deepEqual(referencedDocuments('what is the november 2024 release about', fixture.context), [
      'corpus/reed-shaheen-2024-11-15-musk-spacex-investigation.md',
    ]);
    assert.deepEqual(referencedDocuments('What did the 2023 statement say?', fixture.context), [
      'corpus/reed-2023-09-starlink-vulnerabilities-statement.md',
    ]);
    // No kind of document, or one every document fits: no reference.
    assert.deepEqual(referencedDocuments('What did Reed say about Starlink?', fixture.context), []);
  });

  it('answers from the document the question names', async () => {
    const answer = await ask(fixture.context, { question: "What did Reed's statement warn about?", k: 5 });
    assert.equal(answer.citations[0]?.doc, 'corpus/reed-2023-09-starlink-vulnerabilities-statement.md');
  });
});
