import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractQuotes } from '../../src/quotes/extract-quotes.js';
import { MAX_PIECE_CHARS, paragraphPieces } from '../../src/quotes/paragraph-pieces.js';
import { assertVerbatim, extract, quoteWith } from './helpers.js';

const STORY = [
  'Dan Meyer, a national security attorney, told Axios that the review was overdue.',
  '"This is why you do not rely on one provider," Meyer said.',
  'The Federal Aviation Administration (FAA) said in a statement that it would look into the matter.',
  'According to the agency, the inspection will take weeks.',
  '"We are done," said Jane Roe, the mayor. She declined to elaborate.',
  '“Nobody asked us,” the union said, adding that a strike was possible.',
].join(' ');

/** A whole story repeated on one line: a file without line breaks, as a scraper may produce. */
const oneLine = (length: number) => STORY.repeat(Math.ceil(length / STORY.length) + 1).slice(0, length);

/** CPU time of one extraction, in ms: less sensitive to other processes than wall time. */
function cpuMs(text: string): number {
  const started = process.cpuUsage();
  extractQuotes({ paragraphs: [{ number: 1, text, start: 0 }] });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('long paragraphs', () => {
  it('cuts a long line into pieces at sentence ends that cover it exactly, none past twice the cap', () => {
    const text = oneLine(5 * MAX_PIECE_CHARS);
    const pieces = paragraphPieces({ number: 3, text, start: 100 });
    assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
    assert.equal(pieces.map((p) => p.text).join(''), text);
    let start = 100;
    for (const piece of pieces) {
      assert.equal(piece.number, 3);
      assert.equal(piece.start, start);
      assert.ok(piece.text.length <= 2 * MAX_PIECE_CHARS);
      start += piece.text.length;
    }
    // Every cut falls between sentences ("… elaborate. “Nobody …"), never inside a quotation.
    for (const piece of pieces.slice(1)) assert.match(piece.text, /^\s*(?:[A-Z"“])/);
  });

  it('cuts a line with no sentence punctuation at all', () => {
    const text = 'word '.repeat(4 * MAX_PIECE_CHARS);
    const pieces = paragraphPieces({ number: 1, text, start: 0 });
    assert.ok(pieces.length >= 8);
    assert.ok(pieces.every((p) => p.text.length <= 2 * MAX_PIECE_CHARS));
    assert.equal(pieces.map((p) => p.text).join(''), text);
  });

  it('leaves an ordinary paragraph whole', () => {
    const paragraph = { number: 1, text: STORY, start: 0 };
    assert.deepEqual(paragraphPieces(paragraph), [paragraph]);
  });

  it('still attributes every quote of a long line, with verbatim offsets', () => {
    const text = oneLine(3 * MAX_PIECE_CHARS);
    const paragraphs = [{ number: 1, text, start: 0 }];
    const quotes = extractQuotes({ paragraphs });
    assertVerbatim(quotes, paragraphs);
    const meyer = quotes.filter((q) => q.text.startsWith('This is why'));
    assert.ok(meyer.length >= 10);
    assert.ok(meyer.every((q) => q.speaker === 'Dan Meyer'));
  });

  // Scaling, not timing: 8× the input may cost at most 16× the CPU time (linear is 8×; the per-position
  // regexes this replaced made it grow with the square of the line: a 5 MB line ran for over 10 minutes).
  it('costs about linearly more for a longer line', () => {
    const short = oneLine(50_000);
    const long = oneLine(400_000);
    cpuMs(short); // warm up the JIT so the first measurement is not an outlier
    const shortMs = median([cpuMs(short), cpuMs(short), cpuMs(short)]);
    const longMs = median([cpuMs(long), cpuMs(long), cpuMs(long)]);
    assert.ok(
      longMs < Math.max(shortMs, 5) * 16,
      `50 KB: ${shortMs.toFixed(0)} ms, 400 KB: ${longMs.toFixed(0)} ms`,
    );
  });
});

describe('appositives end with their sentence', () => {
  it('takes the role from a final appositive without the next sentence', () => {
    const quotes = extract('"We are done," said John Doe, the mayor. He declined to elaborate.');
    const quote = quoteWith(quotes, 'We are done');
    assert.equal(quote.speaker, 'John Doe');
    assert.equal(quote.role, 'mayor');
  });

  it('takes the role when a quote follows the appositive', () => {
    const quotes = extract('"We are done," said John Doe, the mayor of Springfield. "We will not return."');
    assert.equal(quoteWith(quotes, 'We are done').role, 'mayor of Springfield');
    assert.equal(quoteWith(quotes, 'not return').speaker, 'John Doe');
  });
});
