import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAliases } from '../../src/text/aliases.js';

const aliases = (text: string) =>
  findAliases([text]).map((alias) => `${alias.alias}=${alias.name}/${alias.source}`);

describe('findAliases', () => {
  it('reads short forms a text defines in parentheses, when their letters spell the initials', () => {
    assert.deepEqual(aliases('The Federal Aviation Administration (FAA) grounded the fleet.'), [
      'FAA=Federal Aviation Administration/defined',
    ]);
    assert.deepEqual(aliases('officials at the Department of Energy (DoE) said'), [
      'DoE=Department of Energy/defined',
    ]);
    assert.ok(!aliases('Senator Ana Ruiz (D-NM) said').some((alias) => alias.startsWith('D-NM')));
  });

  it('forms initialisms of organisations, but not of people, lists or headline words', () => {
    assert.ok(
      aliases('a report in the Financial Times on Monday').includes('FT=Financial Times/initials') === false,
    );
    assert.ok(aliases('as the Los Angeles Times reported').includes('LAT=Los Angeles Times/initials'));
    assert.deepEqual(aliases('Mayor Jane Roe Smith spoke.'), []);
    assert.ok(!aliases('Ortiz and Walsh agreed.').some((alias) => alias.includes('Ortiz and Walsh')));
  });

  it("forms an office-holder's title initials and keeps a dotted initialism's letters", () => {
    const found = aliases('a letter to U.S. Attorney General Dana Whitfield and Inspector General Omar Pike');
    assert.ok(found.includes('AG=Attorney General/initials'), found.join(' '));
    assert.ok(found.includes('IG=Inspector General/initials'), found.join(' '));
    assert.ok(aliases('the U.S. Postal Service said').includes('USPS=U.S. Postal Service/initials'));
    // A title alone, with no one after it, is no office-holder's.
    assert.ok(!aliases('the Attorney General said').some((alias) => alias.startsWith('AG=')));
  });
});
