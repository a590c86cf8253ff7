import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, quoteWith } from './helpers.js';

describe('speakers introduced by their role first', () => {
  it('reads "A ROLE who …, Full Name, said" and "An authority spokesman, Full Name, said"', () => {
    const quotes = extract(
      [
        'Howard Lindqvist, the operators’ president, said the union had walked away.',
        'A longshoreman who has worked the night shift for 22 years, Marcus Oyelaran, said he had watched terminals cut crews by half. “I’m not against machines,” he said.',
        'An authority spokesman, Pete Lorenz, said the agency had applied and was waiting for a decision.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cut crews by half').speaker, 'Marcus Oyelaran');
    assert.equal(quoteWith(quotes, 'cut crews by half').role, 'longshoreman');
    // The pronoun goes to the person just introduced, not to the man named in the paragraph before.
    assert.equal(quoteWith(quotes, 'not against machines').speaker, 'Marcus Oyelaran');
    assert.equal(quoteWith(quotes, 'waiting for a decision').speaker, 'Pete Lorenz');
  });

  it('reads "The head of ORG, Name," and "A lawyer for CLIENT, Name," as the named person', () => {
    const quotes = extract(
      [
        'The head of the Willamette Growers Cooperative, Janet Pirozzi, said about 300 containers of berries were stuck.',
        'A lawyer for Castellan, Bernard Hsu, said the company was reviewing the decision.',
      ].join('\n'),
    );
    // "said about 300 …": an approximate number opens the reported clause.
    assert.equal(quoteWith(quotes, '300 containers').text, 'about 300 containers of berries were stuck');
    assert.equal(quoteWith(quotes, '300 containers').speaker, 'Janet Pirozzi');
    assert.equal(quoteWith(quotes, 'reviewing the decision').speaker, 'Bernard Hsu');
  });

  it('resolves "the cooperative" and "the center" to the organisation the document named', () => {
    const quotes = extract(
      [
        'Northfield Solar Cooperative broke ground on Tuesday. The cooperative said the array is the largest in the state.',
        'The Tri-County Housing Research Center released a survey. The center said rents had risen for six straight years.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'largest in the state').speaker, 'Northfield Solar Cooperative');
    assert.equal(quoteWith(quotes, 'six straight years').speaker, 'Tri-County Housing Research Center');
  });
});

describe('unnamed spokespeople speak for their organisation', () => {
  it('reads "A hospital spokesman" as the hospital, and a later "the spokesman" as the same voice', () => {
    const quotes = extract(
      [
        'Mercy General Hospital cut 40 nursing positions on Monday.',
        'A hospital spokesman said the hospital “remains committed to safe staffing levels.”',
        '“We will not compromise on care,” the spokesman said.',
        'A spokesperson said nothing else.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'remains committed').speaker, 'Mercy General Hospital');
    assert.equal(quoteWith(quotes, 'not compromise').speaker, 'Mercy General Hospital');
  });

  it('reads "a spokesman for the company" as the body the text described as "a private company, X"', () => {
    const quotes = extract(
      [
        'Two children were treated, a hospital spokeswoman said.',
        'The arena is managed by a private company, Northstar Rink Services. A spokesman for the company said it had taken the machine out of service.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'out of service').speaker, 'Northstar Rink Services');
  });
});

describe('press releases: defined short names, job titles, "the company"', () => {
  it('reads `Name ("Short")` as the short name of the organisation, over a person of that surname', () => {
    const quotes = extract(
      [
        'OSLO -- Halvorsen Energy ASA ("Halvorsen") today announced that it has agreed to acquire Nordgrid Holdings.',
        '"We see significant synergies," said Ingrid Halvorsen, Chief Executive Officer of Halvorsen.',
        '"The numbers work," added Marta Lund, Halvorsen\'s Chief Financial Officer.',
        'The company said it would finance the deal with cash and new debt.',
        'Halvorsen said the deal would add to earnings in 2027.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'significant synergies').speaker, 'Ingrid Halvorsen');
    assert.equal(quoteWith(quotes, 'add to earnings').speaker, 'Halvorsen Energy ASA');
    // "the company" is the one the release is about (it spoke last), not the one named last, and a
    // capitalised job title ("Chief Financial Officer") is no organisation.
    assert.equal(quoteWith(quotes, 'cash and new debt').speaker, 'Halvorsen Energy ASA');
  });

  it('resolves "the refinery" to the refining company, and "said no one was …" opens a clause', () => {
    const quotes = extract(
      [
        'A fire at the Gulfport Refining Co. plant shut its largest crude unit, the refinery said.',
        'The refiner said no one was injured.',
        'Analysts at Orlen Capital Partners said prices could rise by 10 cents a gallon.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'largest crude unit').speaker, 'Gulfport Refining Co.');
    assert.equal(quoteWith(quotes, 'no one was injured').speaker, 'Gulfport Refining Co.');
    // Unnamed analysts at a named firm speak for the firm, as an unnamed spokesperson does.
    assert.equal(quoteWith(quotes, '10 cents').speaker, 'Orlen Capital Partners');
  });

  it('credits "A statement said …" to the organisation the text is about when no one has spoken yet', () => {
    const quotes = extract(
      [
        'Skyward Airlines grounded its fleet on Monday.',
        'A statement said flights would resume within the hour.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'flights would resume').speaker, 'Skyward Airlines');
  });
  it('credits "A parents’ group, Friends of Oak Park, said …" to the organisation named after its description', () => {
    const quotes = extract(
      'A parents’ group, Friends of Oak Park, said it would ask the council to keep the playground open.',
    );
    assert.equal(quoteWith(quotes, 'keep the playground open').speaker, 'Friends of Oak Park');
  });
  it('reads "and" inside an organisation’s name, and lowercase modifiers before it', () => {
    const quotes = extract(
      [
        'The federal Food and Drug Administration said it would review the recall by Friday.',
        'The state Grain and Feed Inspection Board said the silos had passed inspection.',
        'Ana Ruiz and Tom Hale, who farm nearby, said the board had never visited their silos.',
      ].join('\n'),
    );
    // Given names on either side of "and" make it two people, not one name.
    assert.deepEqual(quoteWith(quotes, 'never visited').members, ['Ana Ruiz', 'Tom Hale']);
    assert.equal(quoteWith(quotes, 'review the recall').speaker, 'Food and Drug Administration');
    assert.equal(quoteWith(quotes, 'passed inspection').speaker, 'Grain and Feed Inspection Board');
  });
  it('reads the subject before an adjunct set off by commas ("Okafor, in a letter to members, wrote that …")', () => {
    const quotes = extract(
      [
        'Dana Okafor chairs the tenants’ association.',
        'Okafor, in a letter to members sent on Sunday, wrote that the landlord "must answer for the heat."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'must answer for the heat').speaker, 'Dana Okafor');
  });
  it('takes "X’s chief executive" as evidence that X is an organisation, for "the company" later', () => {
    const quotes = extract(
      [
        'In a post on YouTube, Quillo’s chief executive, Amara Vance, apologized for the outage.',
        'The company wrote that every order would ship by Friday.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'ship by Friday').speaker, 'Quillo');
  });
});

describe('an office written as a title names its holder alone', () => {
  it('credits "the speaker told reporters" to the House speaker named before', () => {
    const q = quoteWith(
      extract(
        'The House speaker, Raymond Thiel, said he had not decided. "We\'ll count heads," the speaker told reporters.',
      ),
      'count heads',
    );
    assert.equal(q.speaker, 'Raymond Thiel');
  });

  it('keeps a restrictive relative clause in an unnamed speaker\'s description ("An officer who has worked on the case")', () => {
    const quotes = extract(
      [
        'Police Chief Howard Pruitt spoke first.',
        'An officer who has worked on the case, who asked not to be named, said investigators believed the men had visited the branch twice. “They had the vests, the whole act,” he said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'visited the branch').speaker, 'an officer who has worked on the case');
    assert.equal(quoteWith(quotes, 'the whole act').speaker, 'an officer who has worked on the case');
  });
});
