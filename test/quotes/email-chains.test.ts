import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, quoteWith } from './helpers.js';

describe('emails printed in a story', () => {
  const chain = [
    'The county released the exchange between its roads manager, Ines Marlow, and the engineer Paul Dressler.',
    'From: Ines Marlow',
    'To: Paul Dressler',
    'Subject: Culvert on Route 9',
    'Paul — the culvert under Route 9 is rusting through. Our inspector says it will not last the winter.',
    'Thanks, Ines',
    'Dressler replied that evening:',
    'From: Paul Dressler',
    'Sent: Tuesday, March 4, 2025 6:02 PM',
    '> the culvert under Route 9 is rusting through.',
    'We have no money for it until July. Put cones out.',
    'Sent from my iPhone',
    'Dressler did not respond to a request for comment.',
  ].join('\n');

  it('credits each body paragraph to the sender, and a reply’s quoted line to the earlier writer', () => {
    const quotes = extract(chain);
    assert.equal(quoteWith(quotes, 'rusting through. Our inspector').speaker, 'Ines Marlow');
    assert.equal(quoteWith(quotes, 'no money for it until July').speaker, 'Paul Dressler');
    const quoted = quotes.find((q) => q.text === 'the culvert under Route 9 is rusting through.');
    assert.equal(quoted?.speaker, 'Ines Marlow');
    assert.equal(quoted?.via, 'Paul Dressler');
  });

  it('leaves headers, sign-offs and the reporter’s own lines uncredited', () => {
    const quotes = extract(chain);
    for (const furniture of [
      'Subject:',
      'Thanks, Ines',
      'Sent from my iPhone',
      'replied that evening',
      'did not respond',
    ])
      assert.equal(quotes.filter((q) => q.text.includes(furniture)).length, 0, furniture);
  });

  it('credits no body when the email has no visible end, since prose may follow it', () => {
    const quotes = extract(
      [
        'From: Ines Marlow',
        'Subject: Culvert',
        'The culvert is rusting.',
        'The county fixed it in May.',
      ].join('\n'),
    );
    assert.equal(quotes.filter((q) => q.cue === 'email').length, 0);
  });
});
