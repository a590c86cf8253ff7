import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMarkup } from '../../src/fetch/decode-markup.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeMarkup', () => {
  it('uses the header charset, then <meta charset>, then the XML declaration, else UTF-8', () => {
    assert.equal(decodeMarkup(latin1('<p>caf\u00e9</p>'), 'text/html; charset=ISO-8859-1'), '<p>café</p>');
    assert.equal(
      decodeMarkup(latin1('<meta charset="windows-1252"><p>\u0093caf\u00e9\u0094</p>'), 'text/html'),
      '<meta charset="windows-1252"><p>“café”</p>',
    );
    assert.equal(
      decodeMarkup(
        latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss>caf\u00e9</rss>'),
        'application/xml',
      ),
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss>café</rss>',
    );
    assert.equal(
      decodeMarkup(latin1('<meta charset="iso-8859-7"><p>\u00e1</p>'), 'text/html'),
      '<meta charset="iso-8859-7"><p>α</p>',
    );
    assert.equal(decodeMarkup(Buffer.from('<p>café</p>', 'utf8'), 'text/html'), '<p>café</p>');
    assert.equal(
      decodeMarkup(Buffer.from('<p>café</p>', 'utf8'), 'text/html; charset=no-such-thing'),
      '<p>café</p>',
    );
  });
});
