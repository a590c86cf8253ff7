import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { findQuotesFor } from '../../src/answer/find-quotes.js';
import type { BotServices } from '../../src/bot-services.js';
import { findSpeakersInText } from '../../src/quotes/find-speakers-in-text.js';
import { matchSpeaker } from '../../src/quotes/match-speaker.js';
import { buildSpeakerDirectory } from '../../src/quotes/speaker-directory.js';
import type { Quote } from '../../src/quotes/types.js';
import { quoteResults } from '../../src/slack/quote-results.js';
import { quotePageMessage } from '../../src/slack/views/quote-blocks.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

function quote(speaker: string, role: string | null, members: string[] = []): Quote {
  return {
    text: 'words',
    kind: 'direct',
    speaker,
    role,
    members,
    via: null,
    cue: 'said',
    confidence: 0.9,
    paragraph: 1,
    start: 0,
    end: 5,
  };
}

const quotes: Quote[] = [
  quote('Dan Meyer', 'national security attorney'),
  quote('Dan Meyer', 'national security attorney'),
  quote('Walter Isaacson', "Musk's biographer"),
  quote('Bill Nelson', 'NASA Administrator'),
  quote('Elon Musk', null),
  quote('The Wall Street Journal', null),
  quote('Jeanne Shaheen', 'U.S. Senator, D-NH'),
  quote('the Senators', null, ['Jeanne Shaheen', 'Jack Reed']),
  quote('the lawmakers', null, ['Elizabeth Warren', 'Jeanne Shaheen', 'Tammy Duckworth']),
];
const directory = buildSpeakerDirectory(quotes);
const names = (entries: { name: string }[]) => entries.map((e) => e.name);

describe('buildSpeakerDirectory', () => {
  it('collects roles, members, counts and aliases per speaker', () => {
    const meyer = directory.find((e) => e.name === 'Dan Meyer');
    assert.ok(meyer);
    assert.equal(meyer.quoteCount, 2);
    assert.deepEqual(meyer.roles, ['national security attorney']);
    for (const alias of [
      'Meyer',
      'Mr. Meyer',
      'national security attorney',
      'the national security attorney',
    ]) {
      assert.ok(meyer.aliases.includes(alias), alias);
    }
    assert.ok(directory.find((e) => e.name === 'Bill Nelson')?.aliases.includes('the NASA administrator'));
    assert.ok(directory.find((e) => e.name === 'Walter Isaacson')?.aliases.includes("Musk's biographer"));
    assert.deepEqual(directory.find((e) => e.name === 'the Senators')?.members, [
      'Jeanne Shaheen',
      'Jack Reed',
    ]);
    assert.equal(directory[0]?.name, 'Dan Meyer');
  });
});

describe('matchSpeaker', () => {
  it('forgives case, honorifics and surname-only queries', () => {
    assert.deepEqual(names(matchSpeaker('meyer', directory).matches), ['Dan Meyer']);
    assert.deepEqual(names(matchSpeaker('Mr. Musk', directory).matches), ['Elon Musk']);
    assert.deepEqual(names(matchSpeaker('DAN MEYER', directory).matches), ['Dan Meyer']);
    assert.deepEqual(names(matchSpeaker('wall street journal', directory).matches), [
      'The Wall Street Journal',
    ]);
  });

  it('matches group entries through their members', () => {
    assert.deepEqual(
      names(matchSpeaker('shaheen', directory).matches).sort(),
      ['Jeanne Shaheen', 'the Senators', 'the lawmakers'].sort(),
    );
    assert.deepEqual(names(matchSpeaker('Sen. Jack Reed', directory).matches), ['the Senators']);
  });

  it('matches role phrases', () => {
    assert.deepEqual(names(matchSpeaker('the NASA administrator', directory).matches), ['Bill Nelson']);
    assert.deepEqual(names(matchSpeaker("Musk's biographer", directory).matches), ['Walter Isaacson']);
    assert.deepEqual(names(matchSpeaker('attorney', directory).matches), ['Dan Meyer']);
  });

  it('forgives small typos', () => {
    assert.deepEqual(names(matchSpeaker('Isacson', directory).matches), ['Walter Isaacson']);
    assert.deepEqual(names(matchSpeaker('Dan Meyers', directory).matches), ['Dan Meyer']);
    assert.deepEqual(names(matchSpeaker('MEYRE', directory).matches), ['Dan Meyer'], 'two letters swapped');
  });

  it('suggests the closest names for an unknown speaker', () => {
    const result = matchSpeaker('Bill Neilsen-Smith', directory);
    assert.deepEqual(result.matches, []);
    assert.ok(result.suggestions.length <= 3);
    assert.equal(result.suggestions[0], 'Bill Nelson');
    const bezos = matchSpeaker('Jeff Bezos', directory);
    assert.deepEqual(bezos.matches, []);
    assert.ok(bezos.suggestions.length > 0 && bezos.suggestions.length <= 3);
  });
});

describe('findSpeakersInText', () => {
  it('finds speakers by full name, surname or role', () => {
    assert.deepEqual(findSpeakersInText('What did the NASA administrator say about the calls?', directory), [
      'Bill Nelson',
    ]);
    assert.deepEqual(
      findSpeakersInText(
        'Why does the government depend on SpaceX, according to Musk’s biographer?',
        directory,
      ),
      ['Walter Isaacson'],
    );
    assert.deepEqual(findSpeakersInText('What did Meyer say about clearances?', directory), ['Dan Meyer']);
    assert.deepEqual(findSpeakersInText('How did the Wall Street Journal describe it?', directory), [
      'The Wall Street Journal',
    ]);
  });

  it('resolves "Musk" only when Elon Musk is a known speaker', () => {
    assert.deepEqual(findSpeakersInText('Since when has Musk been in contact with Putin?', directory), [
      'Elon Musk',
    ]);
    const withoutMusk = directory.filter((e) => e.name !== 'Elon Musk');
    assert.deepEqual(findSpeakersInText('Since when has Musk been in contact with Putin?', withoutMusk), []);
  });

  it('does not fire on common words or unknown people', () => {
    const reed = buildSpeakerDirectory([quote('Jack Reed', 'U.S. Senator')]);
    assert.deepEqual(findSpeakersInText('Which reed instruments are in the band?', reed), []);
    assert.deepEqual(findSpeakersInText('What did Reed say?', reed), ['Jack Reed']);
    assert.deepEqual(findSpeakersInText('What did Jeff Bezos say about Blue Origin?', directory), []);
    assert.deepEqual(findSpeakersInText('Who is the most essential company?', directory), []);
  });

  it('includes group speakers when one of their members is named', () => {
    const found = findSpeakersInText('What did Shaheen write?', directory);
    assert.equal(found[0], 'Jeanne Shaheen');
    assert.deepEqual(found.slice(1).sort(), ['the Senators', 'the lawmakers'].sort());
  });
});

describe('speakers are people, not strings', () => {
  const dir = 'test/fixtures/two-smiths';
  let fixture: SearchFixture;
  before(async () => {
    const files = Object.fromEntries(
      readdirSync(dir).map((name) => [`two-smiths-${name}`, readFileSync(join(dir, name), 'utf8')]),
    );
    fixture = await searchFixture({}, files);
  });

  it('keeps one name in two documents apart when their roles disagree, and together when they agree', () => {
    const smiths = fixture.context.speakers.filter((entry) => entry.name === 'John Smith');
    assert.equal(smiths.length, 2, JSON.stringify(smiths));
    const mayor = smiths.find((entry) => entry.roles.some((role) => role.includes('mayor')));
    const coach = smiths.find((entry) => entry.roles.some((role) => role.includes('chess')));
    assert.ok(mayor && coach && mayor !== coach);
    assert.equal(mayor.documents?.length, 2, 'both Port Avery stories quote the same mayor');
    assert.equal(coach.documents?.length, 1);
    assert.equal(mayor.description, 'mayor of Port Avery');
    assert.equal(coach.description, 'coach of the Valley chess club');
  });

  it('/quote Smith lists the two Smiths separately and says which is which', async () => {
    const services = { findQuotes: (query: string) => findQuotesFor(fixture.context, query) } as BotServices;
    const results = await quoteResults(services, 'Smith');
    assert.deepEqual(results.speakers.sort(), [
      'John Smith (coach of the Valley chess club)',
      'John Smith (mayor of Port Avery)',
    ]);
    const header = JSON.stringify(quotePageMessage(results, 0).blocks[0]);
    assert.match(header, /John Smith \(mayor of Port Avery\)/);
    assert.match(header, /John Smith \(coach of the Valley chess club\)/);
    const words = results.hits.map((hit) => `${hit.role}: ${hit.text}`);
    assert.ok(
      words.some((line) => /^coach.*kept their nerve/.test(line)),
      words.join('\n'),
    );
    assert.ok(
      words.some((line) => /^mayor.*reliable ferries/.test(line)),
      words.join('\n'),
    );
  });
});
