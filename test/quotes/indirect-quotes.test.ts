import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('indirect speech (sieves 3 and 4)', () => {
  it('reports "X told Y that …" with the appositive role, without "that" and the final period', () => {
    const quotes = extract(
      'Laura Chen, a securities lawyer at Baird & Co., told Reuters on Monday that the merger would face a lengthy antitrust review.',
    );
    const quote = quoteWith(quotes, 'merger would face');
    assert.equal(quote.kind, 'indirect');
    assert.equal(quote.speaker, 'Laura Chen');
    assert.equal(quote.role, 'securities lawyer at Baird & Co.');
    assert.equal(quote.text, 'the merger would face a lengthy antitrust review');
    assert.equal(quote.cue, 'told … that');
  });

  it('credits a survey or study to its author: "according to a poll released Monday by X"', () => {
    const quotes = extract(
      [
        'According to a poll released Monday by the Drayton Center for Civic Research at Elm College, 62% of renters expect to move.',
        'Rents rose 9%, according to new census figures from the Bureau of Housing Statistics.',
        'According to the report, rents will keep rising.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, '62% of renters').speaker, 'Drayton Center for Civic Research');
    assert.equal(quoteWith(quotes, 'Rents rose').speaker, 'Bureau of Housing Statistics');
    noQuoteWith(quotes, 'keep rising');
  });

  it('reads the source of "according to the state Office of X’s survey" and "a report by X, a think tank in St. Paul."', () => {
    const quotes = extract(
      [
        'According to the state Office of Early Learning’s annual market survey, infant care cost $16,900 last year.',
        'Wages make up about 70 percent of costs, according to a 2025 report by the Northstar Family Policy Center, a nonpartisan think tank in St. Paul.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'infant care cost').speaker, 'Office of Early Learning');
    assert.equal(quoteWith(quotes, '70 percent of costs').speaker, 'Northstar Family Policy Center');
  });

  it('reads mid-sentence attribution: "The plan, Pike said, will …" and "The cuts, she argued, are “…”"', () => {
    const quotes = extract(
      [
        'County Executive Dana Pike presented the budget on Monday.',
        'The plan, Pike said, will close the gap by June.',
        'The cuts, she argued, are “painful but necessary.”',
        'Property taxes will not rise, Pike said, a promise she made in 2022.',
        'Fees had doubled since 2020, she said, citing county records.',
      ].join('\n'),
    );
    // The words on either side of the attribution are two parts of one report, like a split quote.
    const plan = quoteWith(quotes, 'The plan');
    assert.equal(plan.text, 'The plan');
    assert.equal(plan.speaker, 'Dana Pike');
    assert.equal(plan.kind, 'indirect');
    const gap = quoteWith(quotes, 'close the gap');
    assert.equal(gap.text, 'will close the gap by June');
    assert.equal(gap.speaker, 'Dana Pike');
    const cuts = quoteWith(quotes, 'painful but necessary');
    assert.equal(cuts.speaker, 'Dana Pike');
    assert.equal(cuts.kind, 'direct');
    assert.equal(quoteWith(quotes, 'Property taxes').text, 'Property taxes will not rise');
    assert.equal(quoteWith(quotes, 'Fees had doubled').text, 'Fees had doubled since 2020');
    // After a dependent clause, the main clause that follows the attribution is reported too; an
    // appositive after it ("a move she called overdue") is not.
    const clause = extract(
      [
        'County Executive Dana Pike presented the budget on Monday.',
        'Because the grant is uncertain, Pike said, the county could not count on it.',
        'Bus fares will rise, Pike announced, a move she said was overdue.',
      ].join('\n'),
    );
    assert.equal(quoteWith(clause, 'could not count').text, 'the county could not count on it');
    assert.equal(quoteWith(clause, 'Bus fares').text, 'Bus fares will rise');
    noQuoteWith(clause, 'overdue');
    // A company is known by its legal form whatever its words; a stretch of time after the attribution
    // dates it and is not reported.
    const company = extract(
      'HAMBURG — Nordhafen Energie AG has stopped filling a gas store, the company said on Monday, weeks before the heating season.',
    );
    assert.equal(quoteWith(company, 'stopped filling').speaker, 'Nordhafen Energie AG');
    noQuoteWith(company, 'heating season');
    // A short answer is a clause when it has a subject and a finite verb; "said so" is not one.
    const short = extract(
      [
        'Marguerite Olin is the finance director.',
        'Asked whether it was a risk, Olin said it was not.',
        'Olin said so.',
      ].join('\n'),
    );
    assert.equal(quoteWith(short, 'it was not').speaker, 'Marguerite Olin');
    assert.equal(short.length, 1);
    // The attribution's time may be a clause ("said as the meeting broke up"); after "but" it scopes
    // over the conjunct that follows, not the writer's words before.
    const broke = extract(
      [
        'Chidi Okoro chairs the board.',
        'The decision, Okoro said as the meeting broke up, "was not one anybody wanted to make."',
        'The vote was hard, but, Okoro said, it was the responsible one.',
      ].join('\n'),
    );
    assert.equal(quoteWith(broke, 'anybody wanted').speaker, 'Chidi Okoro');
    assert.equal(quoteWith(broke, 'responsible one').text, 'it was the responsible one');
    noQuoteWith(broke, 'The vote was hard');
    // Whom something was told may have a complement of its own before "that".
    const crowd = extract(
      [
        'Alan Mbeki is the treasurer.',
        'He told the crowd of about 200 parents that the school would close.',
      ].join('\n'),
    );
    assert.equal(quoteWith(crowd, 'school would close').text, 'the school would close');
    // A speech act in a clause opened by "when" is reported.
    const when = extract(
      [
        'Mayor Dana Hartigan spoke.',
        'The council rejected it in 2023, when Hartigan said the city could not afford the loss.',
      ].join('\n'),
    );
    assert.equal(quoteWith(when, 'could not afford').speaker, 'Dana Hartigan');
    // Speech a condition supposes ("If Hartigan said …", "Unless she says …") is not reported.
    const supposed = extract(
      ['Mayor Dana Hartigan spoke.', 'If Hartigan said the buses were free, riders would come.'].join('\n'),
    );
    noQuoteWith(supposed, 'buses were free');
    // In a pseudo-cleft ("What Walter said was that …") the reported clause follows the copula.
    const cleft = extract(
      ['Walter Brandvold ran the utility.', 'What Brandvold said was that the pipe was sound.'].join('\n'),
    );
    assert.equal(quoteWith(cleft, 'pipe was sound').text, 'the pipe was sound');
  });

  it('reads an infinitive inside the reported clause, but not one right after the verb', () => {
    const quotes = extract(
      [
        'Engineer Tomas Reyes said the dam was sound and was likely to hold through the spring.',
        'Reyes said he wanted to inspect the spillway again.',
        'Reyes asked the county crews to close the road.',
        'Travelers said the detour was long.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'dam was sound').speaker, 'Tomas Reyes');
    assert.equal(quoteWith(quotes, 'inspect the spillway').text, 'he wanted to inspect the spillway again');
    noQuoteWith(quotes, 'close the road');
    assert.ok(quotes.every((q) => q.speaker !== 'Travelers'));
  });

  it('reads "disagreed, stating that …" and "stated for the record that …" as the subject\'s reported speech', () => {
    const quotes = extract(
      [
        'Trustee Ana Ferrante disagreed, stating that neighboring Copperton Unified had moved to a four-day week.',
        'Trustee Ben Blom stated for the record that he supported the forums.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Copperton Unified had moved').speaker, 'Ana Ferrante');
    assert.equal(quoteWith(quotes, 'he supported the forums').speaker, 'Ben Blom');
  });

  it('reads "The Friends of the Alcazar" as one society’s name, the subject of "sued …, arguing …"', () => {
    const quotes = extract(
      'The Friends of the Alcazar, a preservation group, sued last month, arguing the city skipped a required historic review.',
    );
    assert.equal(quoteWith(quotes, 'skipped a required').speaker, 'Friends of the Alcazar');
  });

  it('reads "Ostrander Parents for Healthy Schools" as one association’s name, not "Ostrander Parents"', () => {
    const quotes = extract(
      'Ostrander Parents for Healthy Schools, a group that has pushed for later start times, said the change was "long overdue."',
    );
    assert.equal(quoteWith(quotes, 'long overdue').speaker, 'Ostrander Parents for Healthy Schools');
  });

  it('reads habitual "used to say" as the subject\'s reported speech', () => {
    const quotes = extract(
      'Dale Tolliver, her late husband, used to say she was wasting a good voice on spelling tests.',
    );
    assert.equal(quoteWith(quotes, 'wasting a good voice').speaker, 'Dale Tolliver');
  });

  it('skips an address set off after the name: "Teodora Vasquez, Sycamore Lane, a teacher …, stated"', () => {
    const quotes = extract(
      [
        'Teodora Vasquez, Sycamore Lane, a teacher at Mill Creek Elementary, stated that teachers had not been consulted.',
        'Ray Hale, 41 Elm St., said the road was closed.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'not been consulted').speaker, 'Teodora Vasquez');
    assert.equal(quoteWith(quotes, 'road was closed').speaker, 'Ray Hale');
  });

  it('reads a speaker placed by an institution: "Economist Hanna Berg of the University of Kent said"', () => {
    const quotes = extract(
      [
        'Economist Hanna Berg of the University of Kent said the strike would cost the port dearly.',
        'A spokesman for the Harbour Board in Dover said the ferries would "resume within days."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cost the port').speaker, 'Hanna Berg');
    assert.equal(quoteWith(quotes, 'resume within days').speaker, 'Harbour Board');
  });

  it('skips a dash parenthetical between the speaker and the verb, which may close an apposition', () => {
    const quotes = extract(
      [
        'Her lawyer, Abigail Sorensen, said the ruling was a relief.',
        'A neighbor in the building, Rachel Tenney — no relation to the defendant — testified at trial that she had been stung twice.',
        'Reached by phone, she said she was disappointed.',
        'Owen Pratt -- a retired engineer -- said that the bridge was safe.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'stung twice').speaker, 'Rachel Tenney');
    assert.equal(quoteWith(quotes, 'stung twice').role, 'neighbor in the building');
    // The one who spoke last is the neighbor, not the lawyer heard before her.
    assert.equal(quoteWith(quotes, 'disappointed').speaker, 'Rachel Tenney');
    assert.equal(quoteWith(quotes, 'bridge was safe').speaker, 'Owen Pratt');
  });

  it('reads an organisation named in apposition after its description as the subject', () => {
    const quotes = extract(
      [
        'Her landlord, Crestmoor Property Partners, had argued that the bees were a nuisance.',
        'Its parent company, Halvorsen Group, said that the sale would close in May.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'bees were a nuisance').speaker, 'Crestmoor Property Partners');
    assert.equal(quoteWith(quotes, 'sale would close').speaker, 'Halvorsen Group');
  });

  it('reads a name between a description and a role appositive as the subject, whatever the description', () => {
    const quotes = extract(
      [
        'The homeowner, Evelyn Taggart, a retired nurse, said by phone that she had cried when her lawyer called.',
        'The next day, Tom Ruiz said the fence was new.',
      ].join('\n'),
    );
    const cried = quoteWith(quotes, 'had cried');
    assert.equal(cried.speaker, 'Evelyn Taggart');
    assert.equal(cried.role, 'retired nurse');
    assert.equal(cried.text, 'she had cried when her lawyer called');
    // A time adverbial before the name is no description of the person.
    assert.equal(quoteWith(quotes, 'fence was new').role, null);
  });

  it('reads a participle opening a sentence ("Asked whether …, he said,") as no words of the speaker', () => {
    const quotes = extract(
      'Mayor Philip Brandauer did not vote. Asked after the meeting whether the plan was dead, he said, "Nothing is dead."',
    );
    assert.ok(!quotes.some((quote) => quote.text.startsWith('Asked')));
    assert.equal(quoteWith(quotes, 'Nothing is dead').speaker, 'Philip Brandauer');
  });

  it('reads the subject after a conjunction and a temporal or manner adverb ("and afterward its coach, NAME,")', () => {
    const quotes = extract(
      [
        'Brennock won the title, and afterward its coach, Dana Harlow, insisted she had never doubted it.',
        'The team lost, and privately its captain, Mia Lund, said she was furious.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'never doubted').speaker, 'Dana Harlow');
    assert.equal(quoteWith(quotes, 'was furious').speaker, 'Mia Lund');
  });

  it('reads a description whose head a name modifies ("The House speaker, NAME,") as describing the name', () => {
    const quote = quoteWith(
      extract('The House speaker, Raymond Thiel, said he had not decided whether to schedule a vote.'),
      'had not decided',
    );
    assert.equal(quote.speaker, 'Raymond Thiel');
    assert.equal(quote.role, 'House speaker');
  });

  it('reads an absolute "with X saying that …" as X’s reported speech', () => {
    const quotes = extract(
      'Ferries stayed in port on Monday, with the Coastal Pilots Union saying that few crossings would run.',
    );
    const quote = quoteWith(quotes, 'few crossings');
    assert.equal(quote.speaker, 'Coastal Pilots Union');
    assert.equal(quote.text, 'few crossings would run');
  });

  it('reads "Its board chair, Leonard Haskett, said" and "But its chairman, Jens Kraft, warned"', () => {
    const quotes = extract(
      [
        'The harbour trust closed the pier on Friday. Its board chair, Nora Lund, said at a meeting that the trust “takes full responsibility.”',
        'But its treasurer, Piet Hols, warned that repairs would take a year.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'takes full responsibility').speaker, 'Nora Lund');
    assert.equal(quoteWith(quotes, 'repairs would take').speaker, 'Piet Hols');
  });

  it('reads "According to X, CLAUSE, which …" with the clause that looked like an appositive', () => {
    const quotes = extract(
      [
        'The Office of Rail Safety on Monday closed the line.',
        'According to the office, the crack started at a weld on the bridge, which crews had repaired in May.',
      ].join('\n'),
    );
    const quote = quoteWith(quotes, 'the crack started');
    assert.equal(quote.speaker, 'Office of Rail Safety');
    assert.equal(quote.text, 'the crack started at a weld on the bridge, which crews had repaired in May');
  });

  it('skips an age before a role appositive, and names an organisation after its description', () => {
    const quotes = extract(
      'Mina Okoro, 31, a teacher who grew up in Dunmore, told the board she could not afford a flat.',
    );
    assert.equal(quoteWith(quotes, 'could not afford').speaker, 'Mina Okoro');
    const company = extract('The company, Minera Costa Sur, said it had pumped the galleries dry.');
    assert.equal(quoteWith(company, 'pumped the galleries').speaker, 'Minera Costa Sur');
  });

  it('reads a bare clause after "insisted"/"estimated" only when it has a finite verb', () => {
    const quotes = extract(
      [
        'Coach Lena Falk insisted the silver medal was only a start.',
        'Falk noted the change in the racing schedule.',
        'Analyst Omar Haddad estimated that the strike would cost $9 million.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'silver medal').speaker, 'Lena Falk');
    noQuoteWith(quotes, 'racing schedule');
    assert.equal(quoteWith(quotes, 'would cost').speaker, 'Omar Haddad');
  });

  it('starts a bare reported clause after the verb when a later "that" belongs to a deeper clause', () => {
    const quotes = extract(
      [
        'Mayor Ruth Olsen said she had been “torn for weeks” but finally decided that the mill must go.',
        'Olsen said it was clear that the old plan had failed.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'torn for weeks').speaker, 'Ruth Olsen');
    assert.equal(quoteWith(quotes, 'it was clear').text, 'it was clear that the old plan had failed');
  });

  it('reads a court’s holdings and rulings as its reported speech, but not "held a meeting"', () => {
    const quotes = extract(
      [
        'The Supreme Court of Nevada struck down the ordinance on Monday.',
        'The court held that the ordinance was too vague to enforce.',
        'The union held a meeting after the ruling.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'too vague').speaker, 'Supreme Court of Nevada');
    noQuoteWith(quotes, 'a meeting');
  });

  it('credits a study’s findings to the author it names: "A study by X found that …"', () => {
    const quotes = extract(
      [
        'A study published in May by the Orchard Transport Institute at Vale University found that fares cut ridership.',
        'The study found that buses were late.',
      ].join('\n'),
    );
    const finding = quoteWith(quotes, 'fares cut ridership');
    assert.equal(finding.speaker, 'Orchard Transport Institute');
    assert.equal(finding.cue, 'found that');
    // "The study" refers back to the study just cited, so its findings are its author's too.
    assert.equal(quoteWith(quotes, 'buses were late').speaker, 'Orchard Transport Institute');
  });

  it('keeps two coordinated reported clauses together: "said A but that B"', () => {
    const quotes = extract(
      'Engineer Rita Vance said two pumps were working but that the water had barely fallen.',
    );
    assert.equal(
      quoteWith(quotes, 'two pumps').text,
      'two pumps were working but that the water had barely fallen',
    );
    assert.equal(quotes.length, 1);
  });

  it('reports other indirect speech: a title before the name, "said" without "that", and "…, X said."', () => {
    const quotes = extract(
      [
        'Fire Chief Robert Hale said the blaze started in a vacant warehouse shortly after midnight.',
        '- Crews were hampered by low water pressure in the area. Three firefighters were treated for smoke inhalation, Hale said.',
      ].join('\n'),
    );
    const first = quoteWith(quotes, 'blaze started');
    assert.equal(first.speaker, 'Robert Hale');
    assert.equal(first.role, 'Fire Chief');
    const last = quoteWith(quotes, 'Three firefighters');
    assert.equal(last.speaker, 'Robert Hale');
    assert.equal(last.text, 'Three firefighters were treated for smoke inhalation');
    noQuoteWith(quotes, 'low water pressure');
  });

  it('keeps a quoted fragment inside a reported clause as a direct quote and drops the clause', () => {
    const quotes = extract(
      'Warden acknowledged in a deposition that the audit was "a formality," the Tribune reported.',
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]?.text, 'a formality,');
    assert.equal(quotes[0]?.kind, 'direct');
    assert.equal(quotes[0]?.speaker, 'Warden');
    assert.equal(quotes[0]?.via, 'The Tribune');
  });

  it('cuts a trailing unpaired dash clause but keeps paired dashes', () => {
    const quotes = extract(
      [
        'Tax attorney Nina Patel told the Herald that the county — which collects the levy — could refund it — though that is unlikely.',
      ].join('\n'),
    );
    assert.equal(quotes[0]?.text, 'the county — which collects the levy — could refund it');
  });

  it('attributes "according to X" at the start and at the end of a sentence', () => {
    const quotes = extract(
      [
        'According to Sheriff Dana Cruz, the suspect fled on foot toward the river.',
        'Two deputies were injured in the chase, according to the sheriff’s office.',
      ].join('\n'),
    );
    const first = quoteWith(quotes, 'suspect fled');
    assert.equal(first.speaker, 'Dana Cruz');
    assert.equal(first.cue, 'according to');
    assert.equal(quoteWith(quotes, 'Two deputies were injured').speaker, 'the sheriff’s office');
  });

  it('reads "according to a ROLE, NAME" as the named person, with the role', () => {
    const quotes = extract(
      [
        'Repair costs made the plant uneconomic, according to a cooperative spokeswoman, Dana Whitcombe.',
        'According to the agency’s chief engineer, Tom Alvarez, the dam is sound.',
      ].join('\n'),
    );
    const first = quoteWith(quotes, 'uneconomic');
    assert.equal(first.speaker, 'Dana Whitcombe');
    assert.equal(first.role, 'cooperative spokeswoman');
    assert.equal(first.text, 'Repair costs made the plant uneconomic');
    assert.equal(quoteWith(quotes, 'dam is sound').speaker, 'Tom Alvarez');
  });

  it('ends a report where a coordinated clause with its own speaker and verb begins', () => {
    const quotes = extract(
      [
        'The co-op said all of them would be offered jobs, and Jane Smith said workers had been told the same thing.',
        'The board said the plan was sound, but a neighbor at the plant, who asked not to be named, said it was not.',
      ].join('\n'),
    );
    const first = quoteWith(quotes, 'offered jobs');
    assert.equal(first.speaker, 'the co-op');
    assert.equal(first.text, 'all of them would be offered jobs');
    assert.equal(quoteWith(quotes, 'workers had been told').speaker, 'Jane Smith');
    assert.equal(quoteWith(quotes, 'plan was sound').text, 'the plan was sound');
    assert.equal(quoteWith(quotes, 'it was not').speaker, 'a neighbor at the plant');
  });

  it('reads who was told with an appositive, and a quote-free second clause after one with a quote', () => {
    const quotes = extract(
      'Ramón Quilmes told Radio Cordillera, a station in San Telmo, that the growers would keep the road closed “for as long as the vines are thirsty,” and that trucks would be let through every six hours.',
    );
    assert.equal(quoteWith(quotes, 'vines are thirsty').kind, 'direct');
    const second = quoteWith(quotes, 'every six hours');
    assert.equal(second.kind, 'indirect');
    assert.equal(second.speaker, 'Ramón Quilmes');
    assert.equal(second.text, 'trucks would be let through every six hours');
  });

  it("reports a quote-free predicate coordinated with one holding a quote, not the speaker's own acts", () => {
    const quotes = extract(
      [
        'Sen. Owen Kirby said on Thursday that he had the votes to override and would call for one "as soon as the chamber reconvenes."',
        'Gov. Ann Treadwell vetoed the bill, saying it would "invite lawsuits" and leave small towns paying the bill.',
        'Coach Luis Arrieta said the dressing room would be "quiet, very quiet" and declined to say more.',
        'Mayor Tess Ambrose said the review was "a nice gesture" and added that she would lobby for the override.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'the votes').text, 'he had the votes to override');
    assert.equal(quoteWith(quotes, 'the votes').kind, 'indirect');
    assert.equal(quoteWith(quotes, 'leave small towns').text, 'leave small towns paying the bill');
    assert.equal(quoteWith(quotes, 'leave small towns').speaker, 'Ann Treadwell');
    // Declining to speak is what the coach did, not what he said.
    assert.ok(!quotes.some((quote) => quote.text.includes('declined')));
    assert.ok(!quotes.some((quote) => quote.text.startsWith('added')));
  });

  it('reads "said in a text message that …" with a compound noun in the adjunct', () => {
    const quote = quoteWith(
      extract('Mariela Sosa said in a text message that nobody had asked anyone to clear the road.'),
      'nobody had asked',
    );
    assert.equal(quote.speaker, 'Mariela Sosa');
    assert.equal(quote.text, 'nobody had asked anyone to clear the road');
  });

  it('does not treat documents as speakers ("according to court records")', () => {
    const quotes = extract('The defendant had two prior convictions, according to court records.');
    assert.deepEqual(quotes, []);
  });

  it('attributes "a spokesperson for X said in an email that …" to the organisation', () => {
    const quotes = extract(
      'A spokesperson for Meridian Health said in an email that the hospital would resume elective surgeries next week.',
    );
    const quote = quoteWith(quotes, 'resume elective surgeries');
    assert.equal(quote.speaker, 'Meridian Health');
    assert.equal(quote.kind, 'indirect');
  });

  it('credits "a spokesman said" to the organisation just named, and to none when none is', () => {
    const named = extract(
      'The state Office of Coastal Mobility was noncommittal. A spokesman said only that the applications "are under review."',
    );
    assert.equal(quoteWith(named, 'are under review').speaker, 'Office of Coastal Mobility');
    const none = extract('"We are reviewing it," a spokesman said.');
    assert.equal(quoteWith(none, 'We are reviewing it').speaker, 'a spokesman');
  });

  it('reads bullets "- …, Meyer said." without the bullet and without earlier sentences', () => {
    const quotes = extract(
      [
        'Sam Ortiz, a city planner, reviewed the proposal for the council.',
        '- The plan is expensive. It would add 400 apartments near the station, Ortiz said.',
      ].join('\n'),
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]?.text, 'It would add 400 apartments near the station');
    assert.equal(quotes[0]?.speaker, 'Sam Ortiz');
  });

  it('gives bullets under an introducer to the introducer’s speaker', () => {
    const quotes = extract(
      [
        'In a letter to the mayor, Councilwoman Rita Alvarez wrote:',
        '- a public audit of the transit budget;',
        '- "an immediate freeze on fare increases," and',
        '- monthly ridership reports.',
        'The council will vote next week.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'public audit').speaker, 'Rita Alvarez');
    assert.equal(quoteWith(quotes, 'immediate freeze').speaker, 'Rita Alvarez');
    assert.equal(quoteWith(quotes, 'immediate freeze').kind, 'direct');
    noQuoteWith(quotes, 'vote next week');
  });
});

describe('indirect speech: asides, affiliations, named organisations and documents', () => {
  it('reads "A researcher, Dr. X of the Y Institute, said" and "She noted, however, that"', () => {
    const quotes = extract(
      'A researcher, Dr. Lena Ortiz of the Halden Institute, said the design was sound. She noted, however, that the sample was small.',
    );
    assert.equal(quoteWith(quotes, 'design was sound').speaker, 'Lena Ortiz');
    const aside = quoteWith(quotes, 'sample was small');
    assert.equal(aside.speaker, 'Lena Ortiz');
    assert.equal(aside.text, 'the sample was small');
  });

  it('reads "Its sponsor, Rep. X (D-Minn.), said": a party tag in parentheses inside the apposition', () => {
    const quotes = extract(
      'Its sponsor, Rep. Karl Halvorsen (D-Minn.), said after the vote that he expected the Senate to take up the bill.',
    );
    assert.equal(quoteWith(quotes, 'Senate to take up').speaker, 'Karl Halvorsen');
  });

  it('reads "…, according to X, and …" as X’s two clauses, and "the fund" as the fund named before', () => {
    const quotes = extract(
      [
        'Acme Ltd runs the bath. The National Spa Energy Fund pays for its heating.',
        'Thirty-one staff will be sent on unpaid leave, according to the company, and the rest will look after the pipes.',
        'Both applications had been missing an energy plan, the fund said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'unpaid leave').speaker, 'Acme Ltd');
    const rest = quoteWith(quotes, 'look after the pipes');
    assert.equal(rest.speaker, 'Acme Ltd');
    assert.equal(rest.text, 'the rest will look after the pipes');
    assert.equal(quoteWith(quotes, 'missing an energy plan').speaker, 'National Spa Energy Fund');
  });

  it('reads "Some economists warn", "Many residents say" as unnamed groups, with where they are', () => {
    const quotes = extract(
      [
        'Some economists warn that a flat daily charge falls hardest on the poor.',
        'Some officials at City Hall, speaking privately, concede that the vote is close.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'falls hardest').speaker?.toLowerCase(), 'some economists');
    assert.equal(quoteWith(quotes, 'vote is close').speaker?.toLowerCase(), 'some officials at city hall');
  });

  it('reads a quote right after a document’s noun as the speaker’s predicate, and one after its verb as the document’s words', () => {
    const quotes = extract(
      [
        'Judge Ana Ruiz heard the case.',
        'Ruiz wrote that the clause covers “disputes arising under this lease.”',
        'Lionel Haverford said the ordinance “locks it in, as much as anything can be locked in.”',
      ].join('\n'),
    );
    // The lease's own wording, mentioned: the judge's words are the reported clause around it.
    assert.equal(quoteWith(quotes, 'the clause covers').kind, 'indirect');
    const predicate = quoteWith(quotes, 'locks it in');
    assert.equal(predicate.kind, 'direct');
    assert.equal(predicate.speaker, 'Lionel Haverford');
  });

  it('credits "A X survey of 800 adults in February found" to X: what a survey covers describes it', () => {
    const quotes = extract(
      'A Bellweather Research survey of 800 city adults in February found that 44 percent supported the charge.',
    );
    assert.equal(quoteWith(quotes, '44 percent').speaker, 'Bellweather Research');
  });

  it('reports words two acts of one sentence both reach once', () => {
    const quotes = extract(
      'The Department of Health reported 14 cases statewide and said in its weekly bulletin that most were in children who had not been vaccinated.',
    );
    const reported = quotes.filter((q) => q.text.includes('most were in children'));
    assert.equal(reported.length, 1, JSON.stringify(reported));
    assert.equal(reported[0]?.speaker, 'Department of Health');
  });

  it('credits "the utility Gulf Coast Electric" under its own name', () => {
    const quotes = extract('About 41,000 homes are dark, according to the utility Gulf Coast Electric.');
    assert.equal(quoteWith(quotes, '41,000 homes').speaker, 'Gulf Coast Electric');
  });

  it('credits "the study found" to the study the text named when no author was named for it', () => {
    const quotes = extract(
      [
        'Pupils slept less in the Marlow Sleep Study, published Wednesday.',
        'The study found that recall fell by a tenth.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'recall fell').speaker, 'Marlow Sleep Study');
  });

  it('reads "Judge X of the Y Court had dismissed the suit, ruling that …" as the judge\'s', () => {
    const quotes = extract(
      'Judge Rita Vance of the Harlow County Circuit Court had dismissed the suit, ruling that each tenant had to sue alone.',
    );
    assert.equal(quoteWith(quotes, 'each tenant had to sue alone').speaker, 'Rita Vance');
  });

  it('reads "X now says …" and "said through his lawyer, Y, that …"', () => {
    const quotes = extract(
      [
        'Harbor Power now says about 5,000 homes have lost power.',
        'Karl Ames said through his lawyer, Dina Roy, that he was "grateful for the verdict."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, '5,000 homes').speaker, 'Harbor Power');
    assert.equal(quoteWith(quotes, 'grateful for the verdict').speaker, 'Karl Ames');
  });

  it('ends a reported clause at a semicolon, and keeps "Chamber of Commerce" an organisation', () => {
    const quotes = extract(
      'The Port Wendell Chamber of Commerce warned that the tax would hurt retailers; the city’s finance office later reported that receipts grew.',
    );
    const warning = quoteWith(quotes, 'hurt retailers');
    assert.equal(warning.speaker, 'Port Wendell Chamber of Commerce');
    assert.equal(warning.text, 'the tax would hurt retailers');
  });
  it('reads "X said …" after a quote closed by a full stop as a new reported clause, not the quote’s attribution', () => {
    const quotes = extract(
      [
        'Gwen Arroyo runs the county food bank. Tom Pell, a volunteer, drives its truck.',
        '"We ran out of rice by noon." Pell said donations had fallen by a third since spring.',
        'The shortage, said Gwen Arroyo, the food bank’s director, "is the worst in a decade."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'fallen by a third').speaker, 'Tom Pell');
    assert.equal(quoteWith(quotes, 'fallen by a third').kind, 'indirect');
    // A mid-sentence attribution keeps its appositive: the quote after it is the speaker’s.
    assert.equal(quoteWith(quotes, 'worst in a decade').speaker, 'Gwen Arroyo');
  });
  it('reports the quote-free first of two coordinated clauses, and leaves the quoted one to its quote', () => {
    const quotes = extract(
      [
        'Coach Rita Vance said the referee had missed two fouls, and that her defenders had "stopped talking" late on.',
        'Vance said the pitch was too wet to play on and that the league should have postponed the match.',
      ].join('\n'),
    );
    const first = quoteWith(quotes, 'missed two fouls');
    assert.equal(first.kind, 'indirect');
    assert.equal(first.text, 'the referee had missed two fouls');
    assert.equal(first.speaker, 'Rita Vance');
    assert.equal(quoteWith(quotes, 'stopped talking').kind, 'direct');
    // With no quote in either, the two conjuncts stay one reported clause.
    assert.ok(quoteWith(quotes, 'too wet').text.endsWith('postponed the match'));
  });
  it('reads "shot back that …" as a rejoinder reporting a clause, but not "shot back" without "that"', () => {
    const quotes = extract(
      [
        'Council member Ruth Adler shot back that the mayor had ignored the audit for a year.',
        'The goalkeeper Ivan Sosa shot back the ball before anyone moved.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'ignored the audit').speaker, 'Ruth Adler');
    noQuoteWith(quotes, 'the ball before');
  });
  it('reads "replied that …" as indirect speech, and a reported question ("asked whether …") as a question, which asserts nothing', () => {
    const quotes = extract(
      [
        'Director Lena Okoro replied that a survey had been done in May but that it skipped weekends.',
        'Councilor Tomas Brandt asked whether the city had priced the repairs before the vote.',
        'The letter also asks whether further funding is necessary.',
      ].join('\n'),
    );
    const reply = quoteWith(quotes, 'a survey had been done');
    assert.equal(reply.speaker, 'Lena Okoro');
    assert.equal(reply.kind, 'indirect');
    assert.notEqual(reply.question, true);
    // "Brandt said the city had priced the repairs" would be false: the question is Brandt's, marked
    // as one, and its clause is no claim (chunks leave it out: test/index/chunk-document.test.ts).
    const question = quoteWith(quotes, 'the city had priced the repairs');
    assert.equal(question.speaker, 'Tomas Brandt');
    assert.equal(question.question, true);
    assert.equal(quoteWith(quotes, 'further funding is necessary').question, true);
  });
  it('reads a relative clause whose gap is the reported subject ("a plan that the board says will …")', () => {
    const quotes = extract(
      [
        'The Lakeside Transit Board approved a fare cap, a plan that the board says will save riders $12 a month.',
        'Mayor Dora Finch backed the cap on Friday, a step she said was overdue by several years.',
      ].join('\n'),
    );
    const plan = quoteWith(quotes, 'save riders');
    assert.equal(plan.speaker, 'Lakeside Transit Board');
    assert.equal(plan.text, 'will save riders $12 a month');
    assert.equal(quoteWith(quotes, 'overdue by several years').speaker, 'Dora Finch');
  });
  it('reads "said in a statement posted …, that …" with the adjunct before "that", and "X Air" as an airline', () => {
    const quotes = extract(
      [
        'Pine Coast Air cancelled 40 flights on Monday.',
        'The airline said in a statement posted to its website before noon that it had grounded its fleet “to protect our crews.”',
      ].join('\n'),
    );
    const partial = quoteWith(quotes, 'to protect our crews');
    assert.equal(partial.kind, 'direct');
    assert.equal(partial.speaker, 'Pine Coast Air');
  });
  it('reads a sentence-final "according to X, the company that …" with its appositive', () => {
    const quotes = extract(
      'The fire started in a storage room shortly after midnight, according to Halvard Foods, the company that owns the plant.',
    );
    const reported = quoteWith(quotes, 'storage room');
    assert.equal(reported.speaker, 'Halvard Foods');
    assert.equal(reported.text, 'The fire started in a storage room shortly after midnight');
  });
  it('reads "X’s argument that …" as what X argued, but only for a named X', () => {
    const quotes = extract(
      [
        'Dorrance Mills Inc. was sued by its former workers.',
        'The judge rejected Dorrance’s argument that the workers had signed away their claims.',
        'She also dismissed their argument that the mill had hidden its accounts.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'signed away their claims').speaker, 'Dorrance Mills Inc.');
    noQuoteWith(quotes, 'hidden its accounts');
  });
});

describe('a government body named with its remits', () => {
  it('reads "the Ministry of Land, Transport and Regional Affairs" as one speaker, commas and all', () => {
    const quotes = extract(
      'The Ministry of Land, Transport and Regional Affairs, which oversees bus operators, said it had received the notice.\nThe Department of Health, Education and Welfare said it would act.',
    );
    assert.equal(
      quoteWith(quotes, 'it had received the notice').speaker,
      'Ministry of Land, Transport and Regional Affairs',
    );
    assert.equal(quoteWith(quotes, 'it would act').speaker, 'Department of Health, Education and Welfare');
  });

  it('keeps a list of people a list', () => {
    const quotes = extract('Ana Ruiz, Tom Hale and Bea Lund said the vote was rigged.');
    assert.notEqual(quotes[0]?.speaker, 'Ana Ruiz, Tom Hale and Bea Lund');
  });
});

describe('"called" without a label', () => {
  it('is a phone call, not a label, so the report after it is read', () => {
    const quotes = extract(
      'Renee Whitlock won the race.\nTolliver called Whitlock to concede shortly after 10 p.m., she told supporters at a brewery downtown.',
    );
    assert.equal(quoteWith(quotes, 'Tolliver called Whitlock to concede').speaker, 'Renee Whitlock');
    // With words in quote marks, "called" labels them.
    const labelled = extract('SpaceX called the report an "incredibly misleading story."');
    assert.equal(quoteWith(labelled, 'incredibly misleading story').speaker, 'SpaceX');
  });
});

describe('a legislator tagged with party and home town', () => {
  it('skips a tag of several words ("D-Kansas City") between the name and a relative clause', () => {
    const quotes = extract(
      'Minority Leader Alicia Moreno, D-Kansas City, whose district has few farms, said she had been lobbied harder on this bill than on the budget.',
    );
    assert.equal(quoteWith(quotes, 'lobbied harder').speaker, 'Alicia Moreno');
  });
});

describe('a report inside a report', () => {
  it('credits a fragment to the one the inner verb of speech reports, relayed by the outer speaker', () => {
    const quotes = extract(
      'Martin Quist owned the restaurant.\nDanielle Okoye said Quist had complained for months that the restaurant was "bleeding money."',
    );
    const fragment = quoteWith(quotes, 'bleeding money');
    assert.equal(fragment.speaker, 'Martin Quist');
    assert.equal(fragment.via, 'Danielle Okoye');
  });
});

describe('who was told, written without a determiner or with a place', () => {
  it('reads a bare plural before "that" as the addressee of "told"', () => {
    const quotes = extract('Paul Mercado told jurors that the case came down to two fires.');
    assert.equal(quoteWith(quotes, 'the case came down to two fires').speaker, 'Paul Mercado');
  });
  it('does not read "told stories that made …" as a report: the "that" opens a relative clause', () => {
    noQuoteWith(extract('Paul Mercado told stories that made the jurors laugh.'), 'made the jurors laugh');
  });
  it('reads "told a rally outside Haverford Hall that …" past the place phrase', () => {
    const quotes = extract(
      'Odette Marchetti-Lowe told a rally outside Haverford Hall that adjuncts teach most classes.',
    );
    assert.equal(quoteWith(quotes, 'adjuncts teach most classes').speaker, 'Odette Marchetti-Lowe');
  });
});

describe('descriptions set off around a name', () => {
  it('reads a possessive description before a name, whatever its noun ("The college\'s provost, …")', () => {
    const quotes = extract(
      "The college's provost, Dr. Simon Achterberg, said the guild's figures were wrong.",
    );
    assert.equal(quoteWith(quotes, "the guild's figures were wrong").speaker, 'Simon Achterberg');
  });
  it('skips two role appositives between the name and its verb', () => {
    const quotes = extract(
      'Mark Delacroix, chief executive of Tolland Water Co., the largest of the private operators, said the company would keep working with the board.',
    );
    assert.equal(quoteWith(quotes, 'the company would keep working').speaker, 'Mark Delacroix');
  });
});

describe('reported questions', () => {
  it('reports "X asked whether …" as the asker\'s, without "whether"', () => {
    const q = quoteWith(
      extract('Councilor Renata Vollmer asked whether the city had studied the market.'),
      'the city had studied',
    );
    assert.equal(q.speaker, 'Renata Vollmer');
    assert.equal(q.text, 'the city had studied the market');
    assert.equal(q.kind, 'indirect');
  });
  it('reports a request, "X asked that … be posted", as the asker\'s, without "that"', () => {
    const q = quoteWith(
      extract('Trustee Hal Achterberg asked that the full survey results be posted before any vote.'),
      'survey results be posted',
    );
    assert.equal(q.speaker, 'Hal Achterberg');
    assert.equal(q.text, 'the full survey results be posted before any vote');
    assert.equal(q.cue, 'asked that');
  });
  it('reports "X interrupts to ask whether …" as X\'s question (an infinitive of purpose shares the subject)', () => {
    const quotes = extract(
      'Judge Ana Odum heard the case. The judge interrupts to ask whether anyone has been hurt.',
    );
    assert.equal(quoteWith(quotes, 'anyone has been hurt').speaker, 'Ana Odum');
  });
  it('keeps the wh-word of "asked the driver how long …"', () => {
    const q = quoteWith(
      extract('Mary Dawson asked the driver how long the trucks could wait.'),
      'trucks could wait',
    );
    assert.equal(q.text, 'how long the trucks could wait');
    assert.equal(q.speaker, 'Mary Dawson');
  });
  it('ends a question in an opening "When …" clause at its comma, and reports no subjectless "Asked whether"', () => {
    const quotes = extract(
      'Judge Thomas Wendling took the plea.\nWhen the judge asked whether he understood the charges, Pell said only, "Yes, Your Honor."\nAsked whether the plan would pass, the mayor laughed.',
    );
    const q = quoteWith(quotes, 'he understood the charges');
    assert.equal(q.text, 'he understood the charges');
    assert.equal(q.speaker, 'Thomas Wendling');
    noQuoteWith(quotes, 'the plan would pass');
  });
});

describe('a bare clause after "told <object>" whose verb the lexicon does not list', () => {
  it('reads "told him she respected the effort" by the -ed verb right after the subject pronoun', () => {
    const q = quoteWith(extract('Mary Treadwell told him she respected the effort.'), 'respected the effort');
    assert.equal(q.speaker, 'Mary Treadwell');
    assert.equal(q.text, 'she respected the effort');
  });
});

describe('"said" with an object rather than a clause', () => {
  it('reports nothing after a demonstrative "that" or a free relative ("what she said this morning:")', () => {
    const quotes = extract(
      'Sheriff Dana Whitcomb said that, and she stands by it.\nWhitcomb repeated what she said this morning: most of them turn up.',
    );
    assert.equal(quotes.length, 0, JSON.stringify(quotes.map((q) => q.text)));
  });
});

describe('an organisation named by its remits, and a second speaker after ", and"', () => {
  it('reads "the Department of Air and Water Protection" as one name', () => {
    const q = quoteWith(
      extract(
        'The state Department of Air and Water Protection said it was sending inspectors on Wednesday.',
      ),
      'sending inspectors',
    );
    assert.equal(q.speaker, 'Department of Air and Water Protection');
  });

  it('ends the first reported clause where ", and a union official said" opens its own', () => {
    const quotes = extract(
      'Kellan Chemical said all of them would be offered jobs, and a union official said workers had been told the same thing.',
    );
    assert.equal(quoteWith(quotes, 'offered jobs').text, 'all of them would be offered jobs');
    const second = quoteWith(quotes, 'workers had been told');
    assert.equal(second.speaker, 'a union official');
    assert.equal(second.via, null);
  });
});

describe('a concessive clause with its own reporting verb', () => {
  it('ends "He said …" before ", though he cautioned that …", and reports both', () => {
    const quotes = extract(
      'Fire Chief Darnell Hughes said the likely source was a resurfacing machine, though he cautioned that the investigation was not complete.',
    );
    assert.equal(quoteWith(quotes, 'likely source').text, 'the likely source was a resurfacing machine');
    assert.equal(quoteWith(quotes, 'not complete').speaker, 'Darnell Hughes');
  });
});

describe('"and that" without a comma', () => {
  it('reports the quote-free first clause of "said X and that there was "…""', () => {
    const quotes = extract(
      'Katrin Albers said the cavern had been isolated as a precaution and that there was "no risk to residents."',
    );
    assert.equal(quoteWith(quotes, 'isolated').text, 'the cavern had been isolated as a precaution');
    assert.equal(quoteWith(quotes, 'no risk').kind, 'direct');
  });
});

describe('"according to" between a subject and its verb', () => {
  it('reports both parts of "The rest, according to Marguerite Olin, would come from …"', () => {
    const quotes = extract(
      'The rest, according to Marguerite Olin, would come from deferring the overhaul of the Lafayette.',
    );
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker]),
      [
        ['The rest', 'Marguerite Olin'],
        ['would come from deferring the overhaul of the Lafayette', 'Marguerite Olin'],
      ],
    );
  });

  it('reads "According to X, <clause>, <appositive>." as X\'s clause, and "according to X\'s budget" as X\'s', () => {
    const quotes = extract(
      [
        'According to the State Bureau of Transit Statistics, the line carried 2.31 million trips in 2019 and 1.80 million in 2025, a drop of 22 percent.',
        'The total includes $31 million for a bridge, according to the Northlake Rail Authority’s budget.',
      ].join('\n'),
    );
    const carried = quoteWith(quotes, 'the line carried');
    assert.equal(carried.speaker, 'State Bureau of Transit Statistics');
    assert.equal(quoteWith(quotes, 'includes $31 million').speaker, 'Northlake Rail Authority');
  });

  it('ends a reported clause where the speaker\'s own next act begins ("… would review them and asked whether …")', () => {
    const quotes = extract(
      [
        'Caleb Norquist said the office would review the figures and asked whether our number included buses.',
        'Dana Pell said the county would pay and declined to comment further.',
        'Ana Ruiz said residents complained and demanded a meeting.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'would review').text, 'the office would review the figures');
    const asked = quoteWith(quotes, 'our number included buses');
    assert.equal(asked.speaker, 'Caleb Norquist');
    assert.equal(quoteWith(quotes, 'county would pay').text, 'the county would pay');
    // With no modal in the clause, "and demanded" may be the residents': the clause stays whole.
    assert.equal(
      quoteWith(quotes, 'residents complained').text,
      'residents complained and demanded a meeting',
    );
  });

  it('reads past an intensive reflexive ("Hallworth herself told …") and takes "repeated" as a verb of speech', () => {
    const quotes = extract(
      [
        'State Sen. Marian Hallworth herself told reporters that she would keep using the figure.',
        'She repeated the claim the next morning on X: "Half the riders, $40 a ride. Time to pull the plug."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'keep using the figure').speaker, 'Marian Hallworth');
    assert.equal(quoteWith(quotes, 'pull the plug').speaker, 'Marian Hallworth');
  });

  it('credits "she said “…,” according to X" to her, with X as who reported it', () => {
    const quotes = extract(
      [
        'Jane Roe ran the county map room until 1998.',
        'Asked what she would miss, she said “the smell of the blueprint machine,” according to the Register’s account at the time.',
        'Roe said “the maps, mostly,” the Tribune reported.',
      ].join('\n'),
    );
    const smell = quoteWith(quotes, 'blueprint machine');
    assert.equal(smell.speaker, 'Jane Roe');
    assert.equal(smell.via, 'The Register');
    const maps = quoteWith(quotes, 'the maps, mostly');
    assert.equal(maps.speaker, 'Jane Roe');
    assert.equal(maps.via, 'The Tribune');
  });

  it('reads a clause whose verb is a negated auxiliary ("cannot", "can\'t") before an infinitive, and plural present verbs', () => {
    const quotes = extract(
      [
        'Rebecca Tran said a mussel cannot move far to escape warm water.',
        'Jonas Pietrowski said a snail can’t swim far to escape the heat.',
        'In the paper, the authors write that state standards are weak.',
        'The researchers also caution that the study covered only six species.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cannot move far').speaker, 'Rebecca Tran');
    assert.equal(quoteWith(quotes, 'swim far').speaker, 'Jonas Pietrowski');
    assert.equal(quoteWith(quotes, 'standards are weak').speaker, 'the authors');
    assert.equal(quoteWith(quotes, 'six species').speaker, 'the researchers');
  });

  it('reads the present forms of the clause verbs ("He suggests Ortiz could sell …")', () => {
    const quotes = extract(
      'Ruben Castellanos owns the hardware store. He suggests Ortiz could sell wholesale to cafés.',
    );
    assert.equal(quoteWith(quotes, 'could sell wholesale').speaker, 'Ruben Castellanos');
  });

  it('ends a clause reported inside a relative clause where the main verb resumes in the present', () => {
    const quotes = extract(
      'The Arenal Valley Growers’ Chamber, which says its members have lost a third of the harvest, wants two days of canal water a week.',
    );
    assert.equal(quoteWith(quotes, 'lost a third').text, 'its members have lost a third of the harvest');
  });

  it('ends a report at ", and a union steward at the plant said", and keeps the steward\'s description', () => {
    const quotes = extract(
      'The co-op said all of them would be offered jobs, and a union steward at the plant said workers had been told the same thing.',
    );
    assert.equal(quoteWith(quotes, 'offered jobs').text, 'all of them would be offered jobs');
    assert.equal(quoteWith(quotes, 'workers had been told').speaker, 'a union steward at the plant');
  });

  it('reads a bare clause with its own finite verb after "confirmed", "admitted", "agreed"', () => {
    const quotes = extract(
      [
        'Acme spokesman Tom Bell confirmed the pier would stay open.',
        'Mayor Jane Roe admitted the repairs had run late, and the council agreed the budget was short.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'pier would stay open').speaker, 'Tom Bell');
    assert.equal(quoteWith(quotes, 'repairs had run late').speaker, 'Jane Roe');
    // A noun object is no clause: "confirmed the report" reports nothing.
    noQuoteWith(extract('Tom Bell confirmed the report on Tuesday.'), 'the report');
  });
});

describe('free relatives', () => {
  it('reads "what a salesman says" as a noun phrase, not a report, unless the sentence gives the words', () => {
    const quotes = extract(
      [
        'I took your letter to Hollis Brandt, a consumer lawyer in Dayton. She told me that what a salesman says out loud can matter even when the contract says otherwise.',
        '“Put it in writing,” she said.',
        'What Brandt said was that the clause would not hold, and a bakery owner described what she calls “a great deal of optimism.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'what a salesman says out loud').speaker, 'Hollis Brandt');
    assert.equal(quoteWith(quotes, 'Put it in writing').speaker, 'Hollis Brandt');
    assert.equal(quotes.filter((q) => q.speaker === 'a salesman').length, 0);
    assert.equal(quoteWith(quotes, 'the clause would not hold').speaker, 'Hollis Brandt');
  });
});

describe('reporting verbs', () => {
  it('reads "clarified that", "indicated that" and "revealed that" as reported speech', () => {
    const quotes = extract(
      [
        'The spokeswoman, Alma Reyes, clarified that the mayor had not been told.',
        'Councilor Tim Oduya indicated that he would vote no.',
        'The treasurer, Bea Holm, revealed that the fund was empty.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'had not been told').speaker, 'Alma Reyes');
    assert.equal(quoteWith(quotes, 'would vote no').speaker, 'Tim Oduya');
    assert.equal(quoteWith(quotes, 'fund was empty').speaker, 'Bea Holm');
  });
});

describe('appositives after an inverted attribution', () => {
  it('reads "…, said Paul Lindgren, Northstar’s research director." as one clause, the role no words of his', () => {
    const quotes = extract(
      [
        'The shortage falls hardest on rural townships, said Paul Lindgren, Northstar’s research director.',
        'Rents will keep rising, said Ana Ruiz, policy director at Fairhold.',
        'The plan, Pike said, costs more than it saves.',
      ].join('\n'),
    );
    assert.equal(quotes.filter((q) => /director/.test(q.text)).length, 0);
    assert.equal(quoteWith(quotes, 'rural townships').speaker, 'Paul Lindgren');
    // A split clause still has both halves when the words after the attribution go on with a verb.
    assert.ok(quotes.some((q) => q.text === 'costs more than it saves'));
  });
});

describe('documents that report', () => {
  it('credits "according to a 2025 report by X" and "according to an evaluation by X" to X', () => {
    const quotes = extract(
      [
        'Wages make up most of a center’s costs, according to a 2025 report by the Tallis Policy Institute.',
        'Centers added more slots, according to an evaluation by the Office of Early Learning.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'most of a center’s costs').speaker, 'Tallis Policy Institute');
    assert.equal(quoteWith(quotes, 'added more slots').speaker, 'Office of Early Learning');
  });

  it('reads the author of a document from a participle set off by commas ("The audit, released by X, found")', () => {
    const quotes = extract(
      'The audit, released Monday by the Office of the City Auditor, found that nine crews were paid twice.',
    );
    assert.equal(quoteWith(quotes, 'nine crews were paid twice').speaker, 'Office of the City Auditor');
  });
});

describe('a reported clause whose verb opens a quote', () => {
  it('credits "told me the warranty “covers everything”" to the one who told', () => {
    const quotes = extract(
      [
        'The salesman, Kyle Brandt, told me the warranty “covers everything but tires.”',
        'Mayor Ilse Varga told reporters the plan “will not survive the winter.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'covers everything').speaker, 'Kyle Brandt');
    assert.equal(quoteWith(quotes, 'will not survive').speaker, 'Ilse Varga');
  });
});
