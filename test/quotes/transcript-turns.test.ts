import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('transcripts: answers, continuation paragraphs and quotes inside a turn', () => {
  it('credits "A:" answers of a Q&A to the one person the introduction names', () => {
    const quotes = extract(
      [
        'Capt. Lorna Beckwith has piloted the ferry since 1996. She spoke with us about fog.',
        'Q: How did you end up on the ferry?',
        'A: By accident, mostly. My uncle knew the man who ran it then, Walt Sorensen. Walt said, "You can come be miserable on a boat that goes home every night." So I did.',
        'Q: What is the hardest part?',
        'A: Fog. You never learn fog.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'By accident').speaker, 'Lorna Beckwith');
    assert.equal(quoteWith(quotes, 'You never learn fog').speaker, 'Lorna Beckwith');
    noQuoteWith(quotes, 'hardest part');
    // The words the answer quotes are the first name's owner's, passed on by the interviewee.
    const inner = quotes.find((q) => q.text.startsWith('You can come'));
    assert.equal(inner?.speaker, 'Walt Sorensen');
    assert.equal(inner?.via, 'Lorna Beckwith');
  });

  it('reads an unlabelled paragraph between turns as the turn going on, but not narration', () => {
    const quotes = extract(
      [
        'Speakers were Fire Chief Elena Ramos and Sheriff Douglas Whitcomb.',
        'Chief Ramos: The fire is at 11,400 acres and 15 percent contained.',
        'We have 620 personnel assigned, and we are going to build line along Cutter Road.',
        'Ramos then left the podium to take a call.',
        'Q: How many homes have been lost?',
        'Sheriff Whitcomb: We have confirmed 37 homes destroyed.',
        'The sheriff’s office later updated the count to 41.',
        'Chief Ramos: Thank you all.',
        'We will be back at 7 a.m. and we will have new maps for you.',
      ].join('\n'),
    );
    const continued = quoteWith(quotes, '620 personnel');
    assert.equal(continued.speaker, 'Elena Ramos');
    assert.equal(
      continued.text,
      'We have 620 personnel assigned, and we are going to build line along Cutter Road.',
    );
    // Third-person narration, no first or second person, and a paragraph after the last turn stay out.
    noQuoteWith(quotes, 'left the podium');
    noQuoteWith(quotes, 'updated the count');
    noQuoteWith(quotes, 'new maps');
  });
});
