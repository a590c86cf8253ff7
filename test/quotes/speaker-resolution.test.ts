import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('speaker resolution', () => {
  it('resolves a surname and a title + surname to the full name introduced earlier', () => {
    const quotes = extract(
      [
        'State Sen. Maria Delgado (D-Austin) filed the bill in January.',
        '"This is about basic fairness," Delgado said.',
        '"We have the votes," Sen. Delgado told reporters on Thursday.',
        '"Nobody should be surprised," said Ms. Delgado.',
      ].join('\n'),
    );
    for (const fragment of ['basic fairness', 'We have the votes', 'Nobody should be surprised']) {
      assert.equal(quoteWith(quotes, fragment).speaker, 'Maria Delgado', fragment);
    }
  });

  it('reads a month that is also a given name as a name before a surname ("Jan Brink", "June Carter"), and a date as a date', () => {
    const quotes = extract(
      [
        '"The tide is late," Jan Brink said on Jan. 5.',
        '"It always is," said June Carter, the harbour clerk.',
        'The council voted on June 12. "It passed," Ortiz told Semafor in May.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'tide is late').speaker, 'Jan Brink');
    assert.equal(quoteWith(quotes, 'always is').speaker, 'June Carter');
    assert.equal(quoteWith(quotes, 'It passed').speaker, 'Ortiz');
  });

  it('keeps the particles of Dutch, Portuguese and Arabic surnames inside the name ("Jan de Vries")', () => {
    const quotes = extract(
      [
        '‘We cannot afford it,’ said Jan de Vries, the alderman.',
        'Marta dos Santos said the ferry would run again in May.',
        '“Nobody asked us,” said Kees ten Brink.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cannot afford').speaker, 'Jan de Vries');
    assert.equal(quoteWith(quotes, 'ferry would run').speaker, 'Marta dos Santos');
    assert.equal(quoteWith(quotes, 'Nobody asked').speaker, 'Kees ten Brink');
  });

  it('resolves he/she to the most recent speaker agreeing in gender', () => {
    const quotes = extract(
      [
        '"The budget is balanced," said Mayor Linda Brooks.',
        'Council President David Kerr disagreed. "These numbers do not add up," he said.',
        '"We will present the audit next month," she said.',
        '"I look forward to reading it," he said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'do not add up').speaker, 'David Kerr');
    assert.equal(quoteWith(quotes, 'present the audit').speaker, 'Linda Brooks');
    assert.equal(quoteWith(quotes, 'look forward to reading').speaker, 'David Kerr');
  });

  it('takes gender from Mr./Ms. when the first name says nothing', () => {
    const quotes = extract(
      [
        'Jordan Okoye and Taylor Reese run the food bank together.',
        'Ms. Reese said the shelves were empty by noon. "We turned away forty families," she said.',
        '"It breaks your heart," said Mr. Okoye.',
        '"We will open earlier on Saturday," she said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'forty families').speaker, 'Taylor Reese');
    assert.equal(quoteWith(quotes, 'breaks your heart').speaker, 'Jordan Okoye');
    assert.equal(quoteWith(quotes, 'open earlier').speaker, 'Taylor Reese');
  });

  it('learns gender from "X said she …" for later pronouns', () => {
    const quotes = extract(
      [
        'Robin Hale said she would keep the clinic open through the winter.',
        '"We are not closing," said Dr. Casey Lin, who runs the night shift with Hale.',
        'Casey Lin said he had hired two more nurses.',
        '"We will manage," she said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We will manage').speaker, 'Robin Hale');
  });

  it('resolves groups to the people the document names ("wrote the lawmakers", "the Senators wrote")', () => {
    const quotes = extract(
      [
        'U.S. Senators Jeanne Shaheen (D-NH), a member of the Armed Services Committee, and Jack Reed (D-RI), its chairman, wrote to the Pentagon.',
        '“The department must explain its reliance on one provider,” wrote the lawmakers.',
        'In their letter, the Senators wrote: “We expect answers within thirty days.”',
      ].join('\n'),
    );
    const lawmakers = quoteWith(quotes, 'reliance on one provider');
    assert.equal(lawmakers.speaker, 'the lawmakers');
    assert.deepEqual(lawmakers.members, ['Jeanne Shaheen', 'Jack Reed']);
    const senators = quoteWith(quotes, 'within thirty days');
    assert.equal(senators.speaker, 'the Senators');
    assert.deepEqual(senators.members, ['Jeanne Shaheen', 'Jack Reed']);
  });

  it('resolves organisations: "SpaceX … its statement", "the city’s finance office", "the company"', () => {
    const quotes = extract(
      [
        'SpaceX referred reporters to its statement released on Friday, which called the report an "irresponsible smear."',
        'The city’s finance office said in a statement that the project was "fully funded through 2026."',
        'Acme Robotics said quarterly revenue rose 12%. The company said it would hire 300 engineers next year.',
      ].join('\n'),
    );
    const label = quoteWith(quotes, 'irresponsible smear');
    assert.equal(label.speaker, 'SpaceX');
    assert.equal(label.cue, 'label');
    assert.equal(quoteWith(quotes, 'fully funded').speaker, 'the city’s finance office');
    assert.equal(quoteWith(quotes, 'hire 300 engineers').speaker, 'Acme Robotics');
  });

  it('names publications with "The" and resolves "the Journal" to the full name', () => {
    const quotes = extract(
      [
        'The executive had been in "regular contact" with the regulator, the Wall Street Journal reported.',
        'He kept the meetings "off the books," the Journal reported.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'regular contact').speaker, 'The Wall Street Journal');
    assert.equal(quoteWith(quotes, 'off the books').speaker, 'The Wall Street Journal');
  });

  it('uses front-matter speaker hints for roles and surnames', () => {
    const quotes = extract('"We will hold hearings in the spring," Whitfield said.', [
      { name: 'Alan Whitfield', role: 'Commissioner, Public Utilities Commission' },
    ]);
    assert.equal(quotes[0]?.speaker, 'Alan Whitfield');
    assert.equal(quotes[0]?.role, 'Commissioner, Public Utilities Commission');
  });

  it('resolves she to the person the previous paragraph was about when no speaker so far agrees', () => {
    const quotes = extract(
      [
        'Council member John Smith and Mayor Jane Roe clashed over the bridge plan on Tuesday.',
        '"The numbers do not add up at all," Smith said after the meeting.',
        'Roe disagreed strongly and defended the plan in front of residents.',
        '"We have the money and the engineers to do this properly," she said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We have the money').speaker, 'Jane Roe');
  });

  it('names the person in "the coach, Tom Brady" with the role before the name', () => {
    const quotes = extract(
      ['"We lost the vote," said the coach, Tom Brady.', '"It was close," the coach, Tom Brady, said.'].join(
        '\n',
      ),
    );
    for (const fragment of ['We lost the vote', 'It was close']) {
      const quote = quoteWith(quotes, fragment);
      assert.equal(quote.speaker, 'Tom Brady');
      assert.equal(quote.role, 'coach');
    }
  });

  it('keeps verbs and other names out of a role written before a name', () => {
    const quotes = extract(
      [
        'Mayor Jane Roe met council member John Smith on Monday.',
        '"The budget is fine," Smith said.',
        'Residents cheered when police chief Anna Kowalski arrived.',
        '"We are safe," Kowalski said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'budget is fine').role, 'council member');
    assert.equal(quoteWith(quotes, 'We are safe').role, 'police chief');
  });

  it('reads a surname with an inner capital as the person, and a hyphenated role by its head noun', () => {
    const quotes = extract(
      [
        'Councilor Nina McAllister, who chairs the budget panel, said the library would stay open.',
        '"We found the money," McAllister said.',
        '"We will sue," said the alliance’s co-founder, Omar Petit.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'library would stay open').speaker, 'Nina McAllister');
    assert.equal(quoteWith(quotes, 'found the money').speaker, 'Nina McAllister');
    assert.equal(quoteWith(quotes, 'We will sue').speaker, 'Omar Petit');
  });

  it('resolves an organisation by its head noun, its initials and "the agency"', () => {
    const quotes = extract(
      [
        'ODESSA, Texas (AP) — The Bureau of Land Safety on Monday closed two wells near the Pecos River.',
        'The closure will last a week, the bureau said. Testing could take longer, the agency said.',
        'The Gulf Maritime Authority said later that the barge traffic would resume.',
        'The Federal Pipeline Safety Administration was also involved.',
        'FPSA said it had inspected the line in May. It was the first inspection, the agency said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'last a week').speaker, 'Bureau of Land Safety');
    assert.equal(quoteWith(quotes, 'Testing could take longer').speaker, 'Bureau of Land Safety');
    assert.equal(quoteWith(quotes, 'inspected the line').speaker, 'Federal Pipeline Safety Administration');
    assert.equal(quoteWith(quotes, 'first inspection').speaker, 'Federal Pipeline Safety Administration');
    assert.ok(quotes.every((q) => q.speaker !== 'ODESSA'));
  });

  it('reads an organisation name through its "for"/"on" complement', () => {
    const quotes = extract(
      [
        'A survey by the Marlow Institute for Rural Studies was published on Monday.',
        'Most farmers expect a poor harvest, the institute said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'poor harvest').speaker, 'Marlow Institute for Rural Studies');
    const court = extract(
      'The Court of Appeals for the Ninth Circuit ruled on Monday that the fee was unlawful.',
    );
    assert.equal(quoteWith(court, 'fee was unlawful').speaker, 'Court of Appeals for the Ninth Circuit');
  });

  it('keeps a plural possessive inside an organisation name and resolves "the federation"', () => {
    const quotes = extract(
      [
        'The Lakeland Bus Drivers’ Federation, which has 900 members, said it would strike on Monday.',
        'The federation said the talks had failed.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'strike on Monday').speaker, 'Lakeland Bus Drivers’ Federation');
    assert.equal(quoteWith(quotes, 'talks had failed').speaker, 'Lakeland Bus Drivers’ Federation');
  });

  it('resolves "the regional governor" by its head when one person holds the role, and skips a "whose" clause', () => {
    const quotes = extract(
      [
        'Floodwater closed the coastal road on Sunday, the regional governor said.',
        'Governor Ana Ferreira toured the damage on Monday.',
        'Rui Costa, whose shop, a bakery, was flooded, said he had lost everything.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Floodwater closed').speaker, 'Ana Ferreira');
    assert.equal(quoteWith(quotes, 'lost everything').speaker, 'Rui Costa');
  });

  it('credits "Norway’s National Road Authority said" to the organisation under its own name', () => {
    const quotes = extract(
      'Norway’s National Road Authority said it had closed the mountain pass on Monday.',
    );
    assert.equal(quoteWith(quotes, 'closed the mountain pass').speaker, 'National Road Authority');
  });

  it('credits the person named after a possessive role: "Dover’s port director, Ines Moreau, told me"', () => {
    const quotes = extract(
      [
        '“Every crane costs money,” Dover’s port director, Ines Moreau, told me. “We spent a fortune on repairs.”',
        'Smith’s lawyer, Jane Doe, said the case was weak.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Every crane').speaker, 'Ines Moreau');
    assert.equal(quoteWith(quotes, 'a fortune').speaker, 'Ines Moreau');
    assert.equal(quoteWith(quotes, 'case was weak').speaker, 'Jane Doe');
  });

  it('splits "Mira Holt of Dunmore Securities" into the person and where she works', () => {
    const quotes = extract(
      [
        'Analyst Mira Holt of Dunmore Securities wrote that the price was "rich but defensible."',
        'In a note, analyst Omar Reyes of Kestrel Capital wrote that the deal was late.',
        'Secretary of Defense Lloyd Austin said the plan was sound.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'rich but defensible').speaker, 'Mira Holt');
    assert.equal(quoteWith(quotes, 'deal was late').speaker, 'Omar Reyes');
    assert.equal(quoteWith(quotes, 'plan was sound').speaker, 'Lloyd Austin');
  });
});

describe('pronouns need a person to refer to', () => {
  it('reads "One traveler, Kayla Mendes, posted" as Kayla Mendes, whom a later "she" means', () => {
    const quotes = extract(
      [
        '"We are sorry for the delays," said Nadia Brooks, the airline’s chief executive.',
        'Passengers vented online. One traveler, Kayla Mendes, posted a photo of the departure board. “Day 2 of trying to get home. You had one job,” she wrote.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Day 2').speaker, 'Kayla Mendes');
  });

  it('never lets "she" mean a lone capitalised word of unknown gender', () => {
    const quotes = extract('Passengers vented online. “You had one job,” she wrote.');
    assert.deepEqual(quotes, []);
  });

  it('reads "he" as the man who was the subject just before, over a speaker further back', () => {
    const quotes = extract(
      [
        '"The rent doubled in two years," said Omar Beale, who runs the bakery on the corner.',
        'Victor Lund, the landlord, has owned the block since 1998 and lives upstairs.',
        '"Nobody wants to leave," he said.',
        'Lund does not plan to sell, he said, because his children may want the building.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'The rent doubled').speaker, 'Omar Beale');
    // Beale spoke two paragraphs back; Lund is the subject of the paragraph just before: "he" goes on
    // with him (centering's continuation).
    assert.equal(quoteWith(quotes, 'Nobody wants to leave').speaker, 'Victor Lund');
    // …and goes on with him, now the last speaker: "Lund does not plan to sell, he said" is his.
    assert.equal(quoteWith(quotes, 'does not plan to sell').speaker, 'Victor Lund');
  });

  it('leaves "he" open when two men were subjects just before, or the speaker spoke in the paragraph before', () => {
    const quotes = extract(
      [
        '"The pier needs new pilings," said Hugo Marr, the harbour engineer.',
        'The council met on Tuesday.',
        'Piet Vos chairs the council. Anton Grell runs its budget office.',
        '"We cannot afford it this year," he said.',
        '"The pilings are older than I am," said Jonas Kell, a fisherman. Rolf Tamm, his neighbour, sells bait on the pier.',
        '"It will fall into the water," he said.',
      ].join('\n'),
    );
    noQuoteWith(quotes, 'cannot afford it');
    noQuoteWith(quotes, 'fall into the water');
  });

  it('keeps "he" for the last speaker when the other man is no sentence subject', () => {
    const quotes = extract(
      [
        "Omar Beale, Victor Lund's tenant for 20 years, runs the bakery on the corner.",
        '"Nobody wants to leave," he said.',
        'If Lund sells, "the whole street changes," he added.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Nobody wants to leave').speaker, 'Omar Beale');
    assert.equal(quoteWith(quotes, 'the whole street changes').speaker, 'Omar Beale');
  });

  it('reads a capitalised role before a given name and a surname as the role ("Forecaster Renee Oakley")', () => {
    const quotes = extract(
      [
        'Forecaster Renee Oakley said the storm had slowed.',
        '"Slow storms are rain storms," Oakley said.',
        'Dr. Helen Achebe of Northgate Children’s Hospital said the design was sound.',
        '"It is a confound," Achebe said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'the storm had slowed').speaker, 'Renee Oakley');
    assert.equal(quoteWith(quotes, 'Slow storms').speaker, 'Renee Oakley');
    assert.equal(quoteWith(quotes, 'It is a confound').speaker, 'Helen Achebe');
  });

  it('never reads "he" in "he told X" as X, the one told', () => {
    const quotes = extract(
      [
        'Arthur Penhallow wound the clock for 38 years. "It was my Sunday," Arthur Penhallow said.',
        'His grandson, Owen Penhallow, climbed the tower during the repair.',
        'Owen Penhallow said the old man did not say a word when the bell struck.',
        '"Four minutes slow," he told Owen Penhallow afterward.',
      ].join('\n'),
    );
    assert.notEqual(quoteWith(quotes, 'Four minutes slow').speaker, 'Owen Penhallow');
  });

  it('continues the last speaker after a lead-in of time or manner and a colon ("Then, a moment later: …")', () => {
    const quotes = extract(
      'Tessa Okonjo ran the second leg. "It is a relay," she said. Then, a moment later: "Okay, I will remember it."',
    );
    assert.equal(quoteWith(quotes, 'remember it').speaker, 'Tessa Okonjo');
    // A lead-in with a verb or a name of its own is no continuation.
    const other = extract('Tessa Okonjo ran. "It is a relay," she said. Coach Dana Harlow: "She is right."');
    assert.ok(
      !other.some((quote) => quote.text.includes('She is right') && quote.speaker === 'Tessa Okonjo'),
    );
  });

  it('credits words closed by a full stop to the speaker before their colon, not to the name after them', () => {
    const quotes = extract(
      'Anita Rusk and Gordon Pell ran the fund. In one email, Rusk wrote to Pell: "We are done." Pell replied, according to the indictment, "Agreed. Delete this."',
    );
    assert.equal(quoteWith(quotes, 'We are done').speaker, 'Anita Rusk');
    assert.equal(quoteWith(quotes, 'Delete this').speaker, 'Gordon Pell');
  });

  it('reads "of X" after a titled name as where the person is from ("Sen. Rosa Delgado of Nebraska")', () => {
    const quotes = extract(
      [
        'Sen. Rosa Delgado of Nebraska posted on X: "The decision will cost farmers."',
        'Mayor Ellen Chu of Sadler Junction spoke next. "I’ve heard that before," Chu told the network.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cost farmers').speaker, 'Rosa Delgado');
    assert.equal(quoteWith(quotes, 'heard that before').speaker, 'Ellen Chu');
    // The title may have modifiers of its own ("County Judge"): the name still follows it, never the place.
    const county = extract('County Judge Ray Dunagan of Brady said his departments need radios.');
    assert.equal(quoteWith(county, 'need radios').speaker, 'Ray Dunagan');
  });

  it('reads an organisation\'s shortened name as the organisation, and a firm\'s name never as "he"', () => {
    const quotes = extract(
      [
        'The commission approved the merger of Coastline Rail and Prairie & Western Railway.',
        '"This is a good day," said Harlan Boateng, chief executive of Coastline.',
        'Prairie & Western said in a statement that customers would see no change.',
        'For Owen Kirkby, who runs a grain elevator in Tolley, the decision comes down to price. "We’ll pay more," he said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'no change').speaker, 'Prairie & Western Railway');
    // The person the paragraph brings in, not the speaker of an earlier one, says the words after "he said".
    assert.equal(quoteWith(quotes, 'pay more').speaker, 'Owen Kirkby');
  });

  it('reads "of X" after a name that a lowercase role noun introduces as where the person works', () => {
    const quotes = extract(
      [
        '"We ran the race we wanted," said coach Ray Villanueva of Selby State.',
        '"Is it frustrating? Of course," Villanueva said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'race we wanted').speaker, 'Ray Villanueva');
    assert.equal(quoteWith(quotes, 'frustrating').speaker, 'Ray Villanueva');
  });

  it('reads an ordinary word before a given name the lexicon lacks as a role, not as part of the name', () => {
    const quotes = extract(
      [
        'Anchor Priya Castellane caught the leader on the final straight.',
        '"I just tried not to embarrass myself," Castellane said.',
        'Harbor Point Marina said it would reopen the docks.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'embarrass myself').speaker, 'Priya Castellane');
    // Dictionary words after the first one: a place's or an organisation's name, kept whole.
    assert.equal(quoteWith(quotes, 'reopen the docks').speaker, 'Harbor Point Marina');
  });

  it('reads a live blog entry after its timestamp as a sentence start', () => {
    const quotes = extract(
      [
        '**6:05 a.m.** — The National Weather Service said the storm crossed the coast overnight.',
        '**7:10 a.m.** — The Coast Guard said two boats had been towed in.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'crossed the coast').speaker, 'National Weather Service');
    assert.equal(quoteWith(quotes, 'two boats').speaker, 'Coast Guard');
  });

  it('reads "Another analyst, Tom Rasmussen of Ridgeline Capital, was …" as the subject a later "he" means', () => {
    const quotes = extract(
      [
        '"We will not restart the line yet," spokesman Derek Hale said.',
        'Another analyst, Tom Rasmussen of Ridgeline Capital, was more cautious. "Markets overreact," he said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Markets overreact').speaker, 'Tom Rasmussen');
  });

  it('lets "she" mean the one woman named so far when no speaker or subject agrees', () => {
    const quotes = extract(
      [
        'The shop belongs to Peter Nolan, 74. His granddaughter is Maria Nolan, a nurse.',
        '"He climbed a ladder last year," she said.',
        'Lena Cruz, who runs the cafe next door, disagreed.',
        '"He is fine," she said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'climbed a ladder').speaker, 'Maria Nolan');
    // A second woman is the subject of the paragraph just before, after the last speaker two
    // paragraphs back: "she" continues that subject.
    assert.equal(quoteWith(quotes, 'He is fine').speaker, 'Lena Cruz');
  });
  it('reads "the elder/younger X" by the ages given in apposition, and leaves it open without them', () => {
    const quotes = extract(
      [
        'Carla Brandt, 71, and her daughter, Ines Brandt, 44, run the orchard together.',
        'The younger Brandt said the harvest was the smallest in a decade.',
        'The elder Brandt said she would not sell the land.',
        'Their cousin Paul Brandt manages the store.',
        '"We will manage," the elder Brandt said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'smallest in a decade').speaker, 'Ines Brandt');
    assert.equal(quoteWith(quotes, 'not sell the land').speaker, 'Carla Brandt');
    // Once a third Brandt of unknown age is named, "the elder" can no longer be checked.
    assert.equal(quotes.find((q) => q.text.includes('We will manage'))?.speaker ?? null, null);
  });
  it('resolves an organisation’s first word alone ("Brightwater") to its full name, unless two share it', () => {
    const quotes = extract(
      [
        'Brightwater Logistics Group bought the depot in 2019.',
        '"We have invested in every dock," Brightwater said in a statement.',
        'Pell Harbor Authority and Pell Harbor Pilots Association both objected.',
        '"The dredging is overdue," Pell said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'every dock').speaker, 'Brightwater Logistics Group');
    assert.notEqual(quotes.find((q) => q.text.includes('overdue'))?.speaker, 'Pell Harbor Authority');
    assert.notEqual(
      quotes.find((q) => q.text.includes('overdue'))?.speaker,
      'Pell Harbor Pilots Association',
    );
  });
});

describe('organisations named by a title-cased phrase', () => {
  it('credits the name, not the article before it; a described body keeps its article', () => {
    const named = extract(
      'Roads will reopen by noon, the Arden County Sheriff’s Office said in a statement.',
    );
    assert.equal(quoteWith(named, 'Roads will reopen by noon').speaker, 'Arden County Sheriff’s Office');
    const described = extract('Crews worked overnight, the county’s road office said.');
    assert.equal(quoteWith(described, 'Crews worked overnight').speaker, 'the county’s road office');
  });
});

describe('firms named with an ampersand', () => {
  it('reads "Barrow & Finch" as one name, where "and" would join two people', () => {
    const firm = extract('Demand will recover by spring, Harlow & Pike said in a note to clients.');
    assert.equal(quoteWith(firm, 'Demand will recover by spring').speaker, 'Harlow & Pike');
  });

  it('reads a bare surname two people share as the one who has spoken, not one only mentioned', () => {
    const quotes = extract(
      [
        'The founder, Desmond Kell, retired in 2021. The company is now run by his son.',
        'Adrian Kell, the chief executive, did not dispute it. “The rock has changed,” he said.',
        'Kell said the company would accept a binding limit of 600 metres. That, he added, was “more than my father ever signed.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'binding limit').speaker, 'Adrian Kell');
    assert.equal(quoteWith(quotes, 'my father ever signed').speaker, 'Adrian Kell');
  });
});

describe('a sentence opening on place phrases', () => {
  it('reads the subject after them, so the next pronoun continues it', () => {
    const quotes = extract(
      [
        'Renee Whitlock was elected county executive on Tuesday, defeating Republican Gary Tolliver.',
        'She thanked her campaign manager, Josh Feldman. Feldman, for his part, said the campaign had knocked on 61,000 doors.',
        '"We won in places we lost four years ago," he said.',
        'Across town, at a VFW hall, Tolliver gave a brief concession speech. He said he had called Whitlock "to wish her well."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'to wish her well').speaker, 'Gary Tolliver');
  });
});

describe('a relative of someone unnamed', () => {
  it('is an unnamed speaker under the description the text gives, never the last speaker', () => {
    const quotes = extract(
      [
        'Dr. Hannah Lindgren, who treated the players, said most had headaches. “They thought they were tired,” she said.',
        'The mother of one of the hospitalized players, who asked that her name not be used, said he had been vomiting. “Nobody thought about the air,” she said.',
      ].join('\n'),
    );
    assert.equal(
      quoteWith(quotes, 'he had been vomiting').speaker,
      'Mother of one of the hospitalized players',
    );
    assert.equal(
      quoteWith(quotes, 'Nobody thought about the air').speaker,
      'Mother of one of the hospitalized players',
    );
  });
});

describe('unnamed and clipped sources', () => {
  it('reads "the co-op" as the cooperative', () => {
    const quotes = extract(
      [
        'Snake Basin Power Cooperative runs the plant.',
        'The co-op said all of them would be offered jobs.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'offered jobs').speaker, 'Snake Basin Power Cooperative');
  });
});

describe('a question-and-answer exchange', () => {
  it('alternates untagged quotes between the asker and the one who answered', () => {
    const quotes = extract(
      [
        'Defense lawyer Joanne Whitlock questioned the former manager, Danielle Okoye.',
        '"You were fired two weeks before this fire, weren\'t you?" Whitlock asked.',
        '"I was let go. There\'s a difference," Okoye answered.',
        '"Is the difference that you were angry?"',
        '"I was angry. I wasn\'t angry enough to make something up."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Is the difference').speaker, 'Joanne Whitlock');
    assert.equal(quoteWith(quotes, 'I was angry.').speaker, 'Danielle Okoye');
  });

  it('goes on with the last speaker when no one asked or answered', () => {
    const quotes = extract(
      ['Mayor Ana Ruiz spoke after the vote.', '"We will rebuild," Ruiz said.', '"Every street of it."'].join(
        '\n',
      ),
    );
    assert.equal(quoteWith(quotes, 'Every street').speaker, 'Ana Ruiz');
  });
});

describe('a name in apposition inside an opening phrase', () => {
  it('is not the subject: the pronoun after it is', () => {
    const quotes = extract(
      'Ada Wintersteen joined the office in 1957.\nIn a 1968 letter to her sister, Mae, she wrote that the job was “the only work I have ever done where being right is the whole point.”',
    );
    assert.equal(quoteWith(quotes, 'the only work I have ever done').speaker, 'Ada Wintersteen');
  });

  it('reads a roster of titled names as a list, so "the clerk" is the one titled Clerk', () => {
    const quotes = extract(
      [
        'Present: Mayor Ann Cole, Councilor Ben Ortiz, Clerk Dana Fry.',
        'Councilor Ortiz stated that the road needed repaving.',
        'The clerk noted that the budget had not been adopted.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'road needed repaving').speaker, 'Ben Ortiz');
    assert.equal(quoteWith(quotes, 'budget had not been adopted').speaker, 'Dana Fry');
  });
});

describe('names written family name first', () => {
  it('reads the gender of "Sato Rina" from her given name, last, and gives her the "she" after her introduction', () => {
    const quotes = extract(
      [
        'Mayor Ueda Kenji told reporters that the town would pay for a minivan.',
        'Among the riders is Aoki Hana, 16, a student. 「I will have to leave at six」, she said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'leave at six').speaker, 'Aoki Hana');
  });
});

describe('reporters and the outlets they work for', () => {
  it('cuts "of WHVN-TV" and "of the Herald" off a reporter’s name', () => {
    const quotes = extract(
      [
        'Tom Reilly of WHVN-TV asked whether the mayor had been briefed. “Were you told in April?” Reilly asked.',
        'Nina Pell of the Herald asked whether the audit had been shared with the council.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'told in April').speaker, 'Tom Reilly');
    assert.equal(quoteWith(quotes, 'audit had been shared').speaker, 'Nina Pell');
  });

  it('never makes "he" a name the text sets in apposition to an organisation noun ("Mizukami Kotsu, the bus company")', () => {
    const quotes = extract(
      'Mizukami Kotsu, the bus company, will end four routes, citing a shortage of drivers that he called “beyond anything we can solve”.',
    );
    assert.ok(
      quotes.every((q) => q.speaker !== 'Mizukami Kotsu' || q.kind !== 'direct'),
      JSON.stringify(quotes.map((q) => [q.speaker, q.text])),
    );
  });

  it('reads a lone capital letter as the nickname of the one person whose given name opens with it', () => {
    const quotes = extract(
      [
        'Guard Jalen Morrow and center Terrence Obi met reporters.',
        'JALEN MORROW: They switched, and T looked at me and said, "Go." So I went.',
      ].join('\n'),
    );
    assert.equal(quotes.find((q) => q.text === 'Go.')?.speaker, 'Terrence Obi');
    assert.ok(quotes.every((q) => q.speaker !== 'T'));
  });

  it('reads a hyphenated role before a name ("Co-author Emeka Duru") as the role', () => {
    const quotes = extract('“They hesitate,” said Co-author Emeka Duru, an ecologist at the institute.');
    assert.equal(quoteWith(quotes, 'They hesitate').speaker, 'Emeka Duru');
  });

  it('takes "he" after a resident named by first name and age ("Hollis, 19, …") for that resident', () => {
    const quotes = extract(
      [
        'Glen, 71, a retired mail carrier, said he had stayed behind. "This is the first one I ran from," he said.',
        'Hollis, 19, who left Pine Flat with his brothers, said the alert came late. "By then you did not need a phone," he said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'first one I ran from').speaker, 'Glen');
    assert.equal(quoteWith(quotes, 'did not need a phone').speaker, 'Hollis');
  });

  it('credits the answer to a reported question to the one asked ("asked Whitfield whether …. She said …")', () => {
    const quotes = extract(
      [
        'Trustee Lena Sorensen said she had been skeptical until she visited a neighboring district.',
        'Board President Victor Amadi asked Superintendent Karen Whitfield whether the district could hire enough drivers in time. She said it could, if the board approved the contracts by April.',
      ].join('\n'),
    );
    const answer = quoteWith(quotes, 'it could, if the board');
    assert.equal(answer.speaker, 'Karen Whitfield');
    // The question was put to her: that is who it was said to.
    assert.equal(quoteWith(quotes, 'hire enough drivers').saidTo, 'Karen Whitfield');
  });

  it('leaves the answer to the asker when the one asked could not be "she" ("asked Amadi whether …. She said …")', () => {
    const quotes = extract(
      [
        'Superintendent Karen Whitfield presented the plan.',
        'She asked Trustee Victor Amadi whether the board could vote in April. She said the contracts were ready.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'contracts were ready').speaker, 'Karen Whitfield');
  });

  it('reads "the union" as the workers\' body the text named, whatever its name ("… Confectionery Workers")', () => {
    const quotes = extract(
      [
        'Harrowgate Foods Inc. has agreed to buy Pellmark Brands, the companies said.',
        'The United Bakery and Confectionery Workers, which represents about 1,800 Pellmark employees, said it would seek a meeting. “Our members have heard promises before,” the union said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'heard promises').speaker, 'United Bakery and Confectionery Workers');
  });

  it('reads "the companies said" or "the unions said" after two such bodies in the paragraph as their joint voice', () => {
    const quotes = extract(
      [
        'Harrowgate Foods Inc. has agreed to buy rival snack maker Pellmark Brands for about $2.1 billion, the companies said Wednesday.',
        'In a joint statement, the Brotherhood of Locomotive Crews and the Rail Signal Workers Union criticised the deal. The unions said they would seek a meeting.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'has agreed to buy').speaker, 'Harrowgate Foods Inc. and Pellmark Brands');
    assert.equal(
      quoteWith(quotes, 'would seek a meeting').speaker,
      'Brotherhood of Locomotive Crews and Rail Signal Workers Union',
    );
  });
});
