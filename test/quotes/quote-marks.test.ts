import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteOverlap } from '../../scripts/lib/quote-overlap.js';
import { findQuoteSpans } from '../../src/quotes/quote-marks.js';
import { splitSentences } from '../../src/text/sentences.js';

const inner = (text: string, carried = false) =>
  findQuoteSpans(text, carried).spans.map((s) => text.slice(s.innerStart, s.innerEnd));

describe('findQuoteSpans', () => {
  it('pairs curly and straight double quotes and ignores apostrophes', () => {
    assert.deepEqual(inner('He said “it’s fine” and "we\'re done," she said.'), ['it’s fine', "we're done,"]);
    assert.deepEqual(inner("Musk's companies and the enemies' terms don't count."), []);
  });

  it('keeps single quotes inside double quotes as part of the quote', () => {
    assert.deepEqual(inner(`"He told me 'no way,' and left," she said.`), ["He told me 'no way,' and left,"]);
  });

  it('pairs German „…“ and »…« and French «…» marks, with or without inner spaces', () => {
    assert.deepEqual(inner('„Wir warten“, sagte er. „Das reicht nicht.“'), [
      'Wir warten',
      'Das reicht nicht.',
    ]);
    assert.deepEqual(inner('»Wir warten«, sagte er. »Nein.«'), ['Wir warten', 'Nein.']);
    assert.deepEqual(inner('« Nous attendons », dit-il. «Non.»'), ['Nous attendons', 'Non.']);
  });

  it('closes a quote only with its own kind of mark: »…« inside Hungarian „…”, “…” inside «…»', () => {
    assert.deepEqual(inner('„He said: »The bath stays open.« Well, he is still mayor”, she says.'), [
      'He said: »The bath stays open.« Well, he is still mayor',
    ]);
    assert.deepEqual(inner('«Il a dit “non” deux fois», dit-elle.'), ['Il a dit “non” deux fois']);
  });

  it('pairs Swedish and Finnish ”…”, the same mark opening and closing', () => {
    assert.deepEqual(inner('”Vi ger oss inte”, sa hon. ”Aldrig.”'), ['Vi ger oss inte', 'Aldrig.']);
    // English closes with ”, never after a space: “…” pairs as before.
    assert.deepEqual(inner('“We wait,” she said.'), ['We wait,']);
  });

  it('reads dialogue dashes (Spanish typesetting): the speech around the narrator’s tag', () => {
    assert.deepEqual(inner('—We are not leaving —the mayor said outside the hall—. Not this week.'), [
      'We are not leaving',
      'Not this week.',
    ]);
    assert.deepEqual(inner('—The river is ours —she said.'), ['The river is ours']);
    assert.deepEqual(inner('—Nobody called us.'), ['Nobody called us.']);
    // English dashes never open a paragraph glued to a word: a parenthesis or a list dash is no speech.
    assert.deepEqual(inner('The vote — a close one — passed.'), []);
    assert.deepEqual(inner('— A list item, set off by a spaced dash.'), []);
    assert.deepEqual(inner('“It works,” she said — and left.'), ['It works,']);
  });

  it('ignores inch marks and stray closing marks', () => {
    assert.deepEqual(inner('A 12" pipe burst near the "main valve" on Friday.'), ['main valve']);
  });

  it('runs an unclosed quote to the end of the paragraph and reports that it stays open', () => {
    const result = findQuoteSpans('Kim said: "We will be back on Monday.', false);
    assert.equal(result.endsOpen, true);
    assert.equal(result.spans[0]?.close, -1);
  });

  it('continues a quote carried from the previous paragraph, reopened or not', () => {
    const reopened = findQuoteSpans('"Every week we wait, more women are put at risk."', true);
    assert.equal(reopened.spans[0]?.continued, true);
    const notReopened = findQuoteSpans('and that is the truth," she said.', true);
    assert.equal(notReopened.spans[0]?.continued, true);
    assert.equal(notReopened.spans[0]?.open, -1);
  });
});

describe('French incises inside guillemets', () => {
  it('splits « …, said X, … » into two quotes around the attribution', () => {
    assert.deepEqual(
      inner('« This bridge, said Mayor Bertrand Lavoisier, will not reopen before the spring. »'),
      ['This bridge,', 'will not reopen before the spring.'],
    );
    // Commas without a reporting verb and a name are the speaker's own.
    assert.deepEqual(inner('« The bridge, the road, the school: all closed. »'), [
      'The bridge, the road, the school: all closed.',
    ]);
  });
});

describe('splitSentences', () => {
  it('protects abbreviations and does not split inside quotes', () => {
    const text = 'U.S. Sen. Jack Reed (D-R.I.) spoke. "It is over. We lost," he said. Mr. Smith left.';
    const sentences = splitSentences(text, 0, text.length, (i) => {
      const open = text.indexOf('"');
      const close = text.indexOf('"', open + 1);
      return i > open && i < close ? close : undefined;
    }).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(sentences, [
      'U.S. Sen. Jack Reed (D-R.I.) spoke.',
      '"It is over. We lost," he said.',
      'Mr. Smith left.',
    ]);
  });

  it('reads "No." as the numero sign only before a number', () => {
    const text = 'She rides the No. 7 bus. Grace Mbeki voted no. She said the study was thin.';
    const sentences = splitSentences(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(sentences, [
      'She rides the No. 7 bus.',
      'Grace Mbeki voted no.',
      'She said the study was thin.',
    ]);
  });

  it('ends a sentence at an abbreviation when a capitalised determiner or pronoun follows it', () => {
    const text =
      'Meters run from 9 a.m. to 6 p.m. The city manager said so. The U.S. House voted. Sen. Reed agreed.';
    const sentences = splitSentences(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(sentences, [
      'Meters run from 9 a.m. to 6 p.m.',
      'The city manager said so.',
      'The U.S. House voted.',
      'Sen. Reed agreed.',
    ]);
  });
});

describe('quoteOverlap', () => {
  it('ignores punctuation, case and quote-mark style', () => {
    assert.equal(quoteOverlap('That can be a big deal,', '"that can be a big deal"'), 1);
    assert.equal(quoteOverlap('enemies’ terms', "enemies' terms"), 1);
    assert.ok(quoteOverlap('no easy fix', 'essential') < 0.6);
  });
});
