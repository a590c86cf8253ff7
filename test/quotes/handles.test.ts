import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readWord } from '../../src/quotes/read-word.js';
import { extract, quoteWith } from './helpers.js';

describe('social-media handles as speakers', () => {
  it('reads a handle as one name-like word, and leaves e-mail addresses alone', () => {
    assert.equal(readWord('a user named @pine_hollow wrote', 13)?.text, '@pine_hollow');
    assert.equal(readWord('a user named @pine_hollow wrote', 13)?.capital, true);
    assert.equal(readWord('write to desk@example.org today', 13), null);
  });

  it('credits posts to the handle that wrote them, introduced by "a user named"', () => {
    const quotes = extract(
      [
        'The thread on the city budget drew hundreds of replies.',
        'A user named @pine_hollow wrote that the library cuts had been “decided months ago.”',
        'In a message to the Courier, @pine_hollow said she would attend the hearing.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'decided months ago').speaker, '@pine_hollow');
    assert.equal(quoteWith(quotes, 'attend the hearing').speaker, '@pine_hollow');
  });

  it("credits a person's account to the person it is given for", () => {
    const quotes = extract(
      [
        'The chat was hosted by the district’s superintendent, Tamsin Okoro, who posted as @SuptOkoro.',
        '“We will publish every answer,” @SuptOkoro wrote.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'publish every answer').speaker, 'Tamsin Okoro');
  });

  it('gives "she" to the one person named so far, even when the lexicon does not know her gender', () => {
    const quotes = extract(
      [
        'The forum, on the Riverside board of the site Plazanet, was run by the agency’s director, Tamsin Okoro.',
        'In her first post, she wrote that the new schedule would start in May.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'start in May').speaker, 'Tamsin Okoro');
  });

  it('does not give "she" to the one named person when someone else of unknown gender is named too', () => {
    const quotes = extract(
      [
        'The forum was run by the agency’s director, Tamsin Okoro, and its planner, Jordan Abara.',
        'In her first post, she wrote that the new schedule would start in May.',
      ].join('\n'),
    );
    assert.equal(quotes.find((q) => q.text.includes('start in May'))?.speaker ?? null, null);
  });
});
