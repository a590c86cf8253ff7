import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('direct quotes: adjacent attribution (sieve 1)', () => {
  it('attributes quote–speaker–verb and quote–verb–speaker with a title', () => {
    const quotes = extract(
      [
        'The Riverside City Council voted 5-2 on Tuesday to delay the bus plan.',
        '"We need more buses, not more studies," said Commissioner Jane Roe.',
        '"This is a setback for the whole region," Roe said after the vote.',
      ].join('\n'),
    );
    const first = quoteWith(quotes, 'We need more buses');
    assert.equal(first.speaker, 'Jane Roe');
    assert.equal(first.role, 'Commissioner');
    assert.equal(first.kind, 'direct');
    assert.equal(first.text, 'We need more buses, not more studies,');
    assert.equal(first.cue, 'said');
    assert.equal(quoteWith(quotes, 'setback for the whole region').speaker, 'Jane Roe');
  });

  it('gives both halves of a split quote the speaker named in the middle', () => {
    const quotes = extract(
      'Coach Sarah Malone was blunt after the loss. "We did not compete," she told reporters, "and that is on me."',
    );
    assert.equal(quoteWith(quotes, 'We did not compete').speaker, 'Sarah Malone');
    assert.equal(quoteWith(quotes, 'and that is on me').speaker, 'Sarah Malone');
  });

  it('credits dialogue-dash speech (translated Spanish wires) to the tag’s speaker, on both sides of the tag', () => {
    const quotes = extract(
      [
        'PUERTO LINDO (Wire) — Fishers blocked the port on Tuesday.',
        '—We will stay until the quota is lifted —said Tomás Arrieta, the fishers’ delegate, on the quay—. Nobody here can live on half a catch.',
        '—The quota follows the science —he said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We will stay until the quota is lifted').speaker, 'Tomás Arrieta');
    assert.equal(quoteWith(quotes, 'Nobody here can live on half a catch.').speaker, 'Tomás Arrieta');
    assert.equal(quoteWith(quotes, 'The quota follows the science').speaker, 'Tomás Arrieta');
    // The tag is narration, never part of a quote.
    assert.ok(quotes.every((quote) => !quote.text.includes('said')));
  });

  it('reads curly and straight quote marks alike and keeps offsets into the original text', () => {
    const curly = extract('“The appeal will be filed on Monday,” said defense attorney Mark Ellis.');
    const straight = extract('"The appeal will be filed on Monday," said defense attorney Mark Ellis.');
    assert.equal(curly[0]?.text, straight[0]?.text);
    assert.equal(curly[0]?.speaker, 'Mark Ellis');
    assert.equal(curly[0]?.role, 'defense attorney');
    assert.equal(curly[0]?.start, 1);
  });

  it('continues a speaker across continental quote styles: „…“ and »…«', () => {
    const quotes = extract(
      [
        '„The valley needs its clinic“, mayor Greta Baum told reporters. „Closing it is not a reform.“',
        '»We were not asked«, Baum said. »Not once.«',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'not a reform').speaker, 'Greta Baum');
    assert.equal(quoteWith(quotes, 'Not once').speaker, 'Greta Baum');
    assert.equal(quoteWith(quotes, 'We were not asked').speaker, 'Greta Baum');
  });

  it('reads Hungarian „…” with »…« inside as one quote, and the inner words as the one it names', () => {
    const quotes = extract(
      [
        'Mayor Zsolt Berényi spoke at the pool in 2019. Erzsébet Kónya, 74, still swims there.',
        '„Zsolt Berényi said: »The bath will stay open.« Well, he is still mayor”, Kónya says.',
      ].join('\n'),
    );
    const outer = quoteWith(quotes, 'Well, he is still mayor');
    assert.equal(outer.speaker, 'Erzsébet Kónya');
    assert.equal(outer.kind, 'direct');
    const inner = quotes.find((q) => q.text === 'The bath will stay open.');
    assert.equal(inner?.speaker, 'Zsolt Berényi');
    assert.equal(inner?.via, 'Erzsébet Kónya');
  });

  it('reads Japanese corner brackets 「…」 with 『…』 inside, and a family name written first', () => {
    const quotes = extract(
      [
        'President Takeda Haruo bowed before the cameras. 「We have failed the people who depend on us」, he said.',
        'The company was founded by his father, Takeda Shigeru. 「My father always told me 『the bus goes』」, Takeda said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We have failed').speaker, 'Takeda Haruo');
    assert.equal(quoteWith(quotes, 'My father always told me').speaker, 'Takeda Haruo');
    assert.equal(quoteWith(quotes, 'We have failed').kind, 'direct');
    assert.ok(quotes.every((quote) => !/[「」]/.test(quote.text)));
  });

  it('keeps single quotes inside double quotes as part of the quote, and apostrophes are not marks', () => {
    const quotes = extract(
      `"When the manager said 'we're done here,' nobody in the players' lounge believed him," said forward Leo Grant.`,
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]?.speaker, 'Leo Grant');
    assert.match(
      quotes[0]?.text ?? '',
      /^When the manager said 'we're done here,' nobody in the players' lounge/,
    );
  });

  it('attributes a quote that ends inside an inner quote: “… ‘finish the job,’” Kim said', () => {
    const quotes = extract(
      [
        'Union leader Rosa Kim spoke after the vote.',
        '“The mayor keeps promising to ‘finish the job,’” Kim said.',
        '"He said \'trust me.\'" Kim said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'finish the job').speaker, 'Rosa Kim');
    assert.equal(quoteWith(quotes, 'trust me').speaker, 'Rosa Kim');
  });

  it('treats single quote marks as delimiters when there are no double quotes (British style)', () => {
    const quotes = extract(
      "Rovers manager Ian Briggs was unhappy. 'It was never a penalty,' he told the BBC.",
    );
    assert.equal(quoteWith(quotes, 'never a penalty').speaker, 'Ian Briggs');
  });
});

describe('direct quotes: introducers (sieve 2)', () => {
  it('attributes a colon introducer', () => {
    const quotes = extract(
      'Striker Chidi Okafor scored twice on Saturday.\nOkafor added: “I just wanted to repay the fans for their patience.”',
    );
    const quote = quoteWith(quotes, 'repay the fans');
    assert.equal(quote.speaker, 'Chidi Okafor');
    assert.equal(quote.cue, 'added');
  });

  it('gives the next paragraph to "X issued the following statement:"', () => {
    const quotes = extract(
      [
        'BOSTON – Mayor Ana Pereira (D) today issued the following statement:',
        '“Our city will not be intimidated. We will keep every shelter open this winter.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'will not be intimidated').speaker, 'Ana Pereira');
    assert.equal(quoteWith(quotes, 'keep every shelter open').speaker, 'Ana Pereira');
  });

  it('attributes "In their letter, the lawmakers wrote:" to the group and its named members', () => {
    const quotes = extract(
      [
        'Reps. Luis Ortega (D-CA) and Helen Park (R-OH) sent a letter to the agency on Friday.',
        'In their letter, the lawmakers wrote: "The public deserves a full accounting of these failures."',
      ].join('\n'),
    );
    const quote = quoteWith(quotes, 'full accounting');
    assert.equal(quote.speaker, 'the lawmakers');
    assert.deepEqual(quote.members, ['Luis Ortega', 'Helen Park']);
  });
});

describe('direct quotes: continuations (sieve 5)', () => {
  it('gives further quotes in the same paragraph to the same speaker', () => {
    const quotes = extract(
      '"It is a mistake to rush this," said council member Marcus Hill. "The neighborhoods deserve a hearing."',
    );
    assert.equal(quoteWith(quotes, 'neighborhoods deserve').speaker, 'Marcus Hill');
  });

  it('continues the previous speaker in a paragraph that is only a quote', () => {
    const quotes = extract(
      [
        '"We will lose the federal grant if we wait," said Commissioner Jane Roe.',
        '"And once it is gone, it is not coming back."',
      ].join('\n'),
    );
    const quote = quoteWith(quotes, 'not coming back');
    assert.equal(quote.speaker, 'Jane Roe');
    assert.equal(quote.paragraph, 2);
    assert.equal(quote.cue, 'continuation');
  });

  it('runs a quote over several paragraphs when a paragraph opens a quote without closing it', () => {
    const quotes = extract(
      [
        'Dr. Amy Chen, an obstetrician in Houston, described the past year.',
        '"We lost good doctors," Chen said. "Two of my partners moved to Colorado.',
        '"Every week we wait, more women are put at risk.',
        '"I do not know how much longer I can stay."',
        'The state medical board did not comment.',
      ].join('\n'),
    );
    for (const fragment of ['Two of my partners', 'Every week we wait', 'how much longer I can stay']) {
      assert.equal(quoteWith(quotes, fragment).speaker, 'Amy Chen', fragment);
    }
    assert.equal(quoteWith(quotes, 'Every week we wait').paragraph, 3);
  });

  it('gives the earlier paragraphs of a multi-paragraph quote the speaker named at its end', () => {
    const quotes = extract(
      [
        'The bakery opened in 2015 with a loan from the owner’s uncle.',
        '"We started with nothing but two ovens and a folding table.',
        '"Now we have 40 employees," said founder Ana Ruiz.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'two ovens').speaker, 'Ana Ruiz');
    assert.equal(quoteWith(quotes, '40 employees').speaker, 'Ana Ruiz');
  });

  it('runs an unclosed quote at the end of the document to the end of its paragraph', () => {
    const quotes = extract(
      [
        'The union president, Dana Kim, spoke after the vote.',
        'Kim said: "We will be back at the table on Monday, and we will not accept a contract that cuts pensions.',
      ].join('\n'),
    );
    const quote = quoteWith(quotes, 'back at the table');
    assert.equal(quote.speaker, 'Dana Kim');
    assert.ok(quote.text.endsWith('cuts pensions.'));
  });

  it('does not attribute a pull quote when nobody is named', () => {
    const quotes = extract(
      '“The confusion over what happened demands answers.”\nThe hearing is set for March.',
    );
    assert.deepEqual(quotes, []);
  });
});

describe('direct quotes: fragments, titles and transcripts', () => {
  it('reports scare-quoted fragments the text attributes, but not quoted titles or labels', () => {
    const quotes = extract(
      [
        'The mayor has been in "constant talks" with the union since May, the Globe reported Friday.',
        'The "Starlink" program and the "Golden Dome" plan were not discussed.',
        'A report titled "Roads to Nowhere" was released in June.',
      ].join('\n'),
    );
    const fragment = quoteWith(quotes, 'constant talks');
    assert.equal(fragment.speaker, 'The Globe');
    assert.equal(fragment.kind, 'direct');
    noQuoteWith(quotes, 'Starlink');
    noQuoteWith(quotes, 'Golden Dome');
    noQuoteWith(quotes, 'Roads to Nowhere');
  });

  it('keeps a quoted passage of several sentences and a transcript turn as one quote each', () => {
    const quotes = extract(
      [
        '"The roof leaks. The boiler is older than I am. We need a new building," said principal Ana Ruiz.',
        'MR. OKONJO: Thank you. I will be brief. The district has the money. It lacks a plan.',
      ].join('\n'),
    );
    assert.equal(
      quoteWith(quotes, 'roof leaks').text,
      'The roof leaks. The boiler is older than I am. We need a new building,',
    );
    assert.equal(
      quoteWith(quotes, 'Thank you').text,
      'Thank you. I will be brief. The district has the money. It lacks a plan.',
    );
    assert.equal(quotes.length, 2);
  });

  it('reads mixed-case and bold transcript labels that name a person, resolved to the full name', () => {
    const quotes = extract(
      [
        'Sen. Carla Moreno questioned the port director, Ivan Sousa, on Tuesday.',
        'Sen. Moreno: Why did the cranes sit idle for a month?',
        '**Q:** Were the unions consulted?',
        '**Sousa:** The cranes needed parts. The supplier told us that the parts would arrive in May.',
        '**Why it matters:** Ports move most of the region’s freight.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cranes sit idle').speaker, 'Carla Moreno');
    const answer = quoteWith(quotes, 'The cranes needed parts');
    assert.equal(answer.speaker, 'Ivan Sousa');
    assert.equal(
      answer.text,
      'The cranes needed parts. The supplier told us that the parts would arrive in May.',
    );
    noQuoteWith(quotes, 'unions consulted');
    noQuoteWith(quotes, 'freight');
  });

  it('reads transcript speaker labels and reports question lines as nobody’s quotes', () => {
    const quotes = extract(
      [
        'MS. RIVERA: The budget before you cuts library hours by a third.',
        'Q: Will the libraries close on weekends?',
        'MS. RIVERA: Not if the council restores the funding.',
        'SEN. SMITH: I have a question for the director.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cuts library hours').speaker, 'Ms. Rivera');
    assert.equal(quoteWith(quotes, 'restores the funding').speaker, 'Ms. Rivera');
    assert.equal(quoteWith(quotes, 'question for the director').speaker, 'Sen. Smith');
    noQuoteWith(quotes, 'close on weekends');
  });

  it('resolves a rank label with the surname alone to the full name an earlier label gave', () => {
    const quotes = extract(
      [
        'GEN. MARK HOLT: The troops are ready. They have trained for months.',
        'Q: When will they deploy?',
        'GEN. HOLT: Soon.',
        'SEN. ANNE LOWE: Thank you, General.',
        'SEN. PAUL LOWE: I yield my time.',
        'SEN. LOWE: One more question.',
      ].join('\n'),
    );
    const turn = quoteWith(quotes, 'troops are ready');
    assert.equal(turn.speaker, 'Mark Holt');
    assert.equal(turn.text, 'The troops are ready. They have trained for months.', 'a turn is one quote');
    assert.equal(quoteWith(quotes, 'Soon').speaker, 'Mark Holt');
    // Two Lowes: the surname alone does not say which one, so it stays as written.
    assert.equal(quoteWith(quotes, 'One more question').speaker, 'Sen. Lowe');
  });
});

describe('direct quotes: surnames with particles', () => {
  it('reads "de Ruiter said" as the surname of the Femke de Ruiter named before', () => {
    const quotes = extract(
      [
        'Femke de Ruiter, the Dutch stroke, congratulated the winners.',
        '"They were simply faster today," de Ruiter said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'simply faster').speaker, 'Femke de Ruiter');
  });
});

describe('direct quotes: a quote inside a quote', () => {
  it('credits the inner words to the one person the outer speaker means, passed on by the outer speaker', () => {
    const quotes = extract(
      [
        'Mayor Ellen Park said in March that she would finish the job.',
        'Rosa Salas, her rival, was unimpressed.',
        `"She keeps saying she'll 'finish what she couldn't,'" Salas said.`,
      ].join('\n'),
    );
    const outer = quoteWith(quotes, 'keeps saying');
    assert.equal(outer.speaker, 'Rosa Salas');
    const inner = quotes.find((q) => q.text === "finish what she couldn't,");
    assert.ok(inner, JSON.stringify(quotes.map((q) => q.text)));
    assert.equal(inner.speaker, 'Ellen Park');
    assert.equal(inner.cue, 'nested');
    assert.equal(inner.via, 'Rosa Salas');
  });

  it('reads "the senator from Colby" by her party tag, never the town after the preposition', () => {
    const quotes = extract(
      [
        'Sen. Carol Ostrander, R-Colby, sponsored the bill. Sen. Harold Fenn, R-Dodge City, opposed it.',
        `"Last month the senator from Colby sat in that room and said, 'This is about parts,'" Fenn said.`,
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Last month').speaker, 'Harold Fenn');
    const inner = quotes.find((q) => q.text === 'This is about parts,');
    assert.equal(inner?.speaker, 'Carol Ostrander');
    assert.ok(quotes.every((q) => q.speaker !== 'Colby' && q.speaker !== 'R-Colby'));
  });

  it('credits inner words introduced by a role the document gave one person', () => {
    const quotes = extract(
      [
        'Governor Tom Reyes visited the plant in May.',
        `"The governor told us, 'We will not let this plant close,' and then he left," said Mia Cole, a welder.`,
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'The governor told us').speaker, 'Mia Cole');
    assert.equal(quotes.find((q) => q.text.startsWith('We will not'))?.speaker, 'Tom Reyes');
  });

  it('credits inner words after "X stood in the hall and said,"', () => {
    const quotes = extract(
      [
        'Dr. Samuel Okoye runs the hospital.',
        `"In April, Dr. Okoye stood in our cafeteria and said, 'Nobody is losing a job,'" said Teresa Valdez, a nurse.`,
      ].join('\n'),
    );
    const inner = quotes.find((q) => q.text === 'Nobody is losing a job,');
    assert.equal(inner?.speaker, 'Samuel Okoye');
    assert.equal(inner?.via, 'Teresa Valdez');
  });

  it('credits inner words after an adverb of frequency before the verb ("X always told me, …")', () => {
    const quotes = extract(
      [
        'Capt. Erik Vos has piloted tugs in Northwick for thirty years.',
        '“My father, Jan Vos, always told me, ‘Never trust a channel you did not sound yourself.’ I still sound every one,” Vos said.',
      ].join('\n'),
    );
    const inner = quotes.find((q) => q.text === 'Never trust a channel you did not sound yourself.');
    assert.equal(inner?.speaker, 'Jan Vos');
    assert.equal(inner?.via, 'Erik Vos');
  });

  it('reports no inner quote when two people could be meant', () => {
    const quotes = extract(
      [
        'Mayor Ellen Park and Council Member Ana Ruiz spoke first.',
        `"She keeps saying she'll 'finish what she couldn't,'" said Rosa Salas.`,
      ].join('\n'),
    );
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['Rosa Salas'],
    );
  });

  it('credits the outer speaker with her own earlier words ("I told them, \'…\'"), passed on by no one', () => {
    const quotes = extract(
      [
        'Rosa Salas ran for mayor in 2022 and lost.',
        `"I told them, 'we will be back,' and we were," Salas said.`,
        `"We told them, 'not this year,'" she said.`,
      ].join('\n'),
    );
    const inner = quotes.find((q) => q.text === 'we will be back,');
    assert.equal(inner?.speaker, 'Rosa Salas');
    assert.equal(inner?.via, null);
    assert.equal(inner?.cue, 'nested');
    // "We" may be others who said it: no inner quote.
    assert.equal(
      quotes.find((q) => q.text === 'not this year,'),
      undefined,
    );
  });
});

describe('direct quotes: short rejoinders', () => {
  it('credits a one-word rejoinder with "shot back", "snapped" or "replied" to its speaker', () => {
    const quotes = extract(
      [
        'Council member Dana Park and treasurer Tom Reyes clashed over the budget.',
        '"The budget is broken," Reyes said.',
        '"Nonsense," Park shot back.',
        '"It is not," Park replied.',
        '"Enough," Reyes snapped.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Nonsense').speaker, 'Dana Park');
    assert.equal(quoteWith(quotes, 'Nonsense').cue, 'shot back');
    assert.equal(quoteWith(quotes, 'It is not').speaker, 'Dana Park');
    assert.equal(quoteWith(quotes, 'Enough').speaker, 'Tom Reyes');
  });
});

describe('direct quotes: speakers from the sentence before and from role appositives', () => {
  it('continues the speaker of reported speech in the sentence before a bare quote', () => {
    const quotes = extract(
      [
        'Nina Park, the keeper, said she had watched the striker all game. "So I stayed home. He never came."',
        'Coach Leo Brandt said Park would start again. "She earned it."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'So I stayed home').speaker, 'Nina Park');
    assert.equal(quoteWith(quotes, 'She earned it').speaker, 'Leo Brandt');
  });

  it('reads "told the meeting that" and a role with its own complement before the name', () => {
    const quotes = extract(
      [
        'Alderman Joe Vick told the meeting that the road "carries thousands of trucks a week."',
        'The owner of the diner on Main Street, Ada Quist, told me, "We lost half our lunch trade."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'carries thousands').speaker, 'Joe Vick');
    const diner = quoteWith(quotes, 'half our lunch trade');
    assert.equal(diner.speaker, 'Ada Quist');
    assert.equal(diner.role, 'owner');
  });
  it('credits "I said then, ‘…’" inside a quote to the speaker herself', () => {
    const quotes = extract(
      '"I said then, \'We will not close the clinic,\' and we have not," said Mayor Irene Vos.',
    );
    const inner = quotes.find((q) => q.text.startsWith('We will not close'));
    assert.equal(inner?.speaker, 'Irene Vos');
    assert.equal(inner?.via, null);
  });

  it('credits a bare quote to the person an action beat right after it names', () => {
    const quotes = extract(
      [
        'Her son, Mateo Ortiz, is more open to the idea. “I think closed is a dirtier word,” he says.',
        '“We fought about it for a month.” Lucía Ortiz is kneading now. “Then I decided he was right.”',
        '“It will.” Tamsin Ogle did not hesitate. The guild, she said, had scheduled a vote.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We fought').speaker, 'Lucía Ortiz');
    assert.equal(quoteWith(quotes, 'he was right').speaker, 'Lucía Ortiz');
    assert.equal(quoteWith(quotes, 'It will.').speaker, 'Tamsin Ogle');
  });
});

describe('a post with a caption', () => {
  it('credits the caption to whoever posted it, however long the description of the post', () => {
    const quotes = extract(
      'Sheriff Dan Pruitt won a third term.\nLater, Pruitt posted a photo of his deputies outside the county jail on X, with the caption: "Whatever happens Thursday, these folks keep working."',
    );
    assert.equal(quoteWith(quotes, 'these folks keep working').speaker, 'Dan Pruitt');
  });
});

describe('Nordic quote marks', () => {
  it('attributes ”…” quotes and their continuation in text translated from Swedish', () => {
    const quotes = extract(
      [
        'Education minister Anna Berg visited the school.',
        '”We will not close it this year,” Berg said. ”Not while I am minister.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We will not close it').speaker, 'Anna Berg');
    assert.equal(quoteWith(quotes, 'Not while I am minister.').speaker, 'Anna Berg');
  });
});

describe('inner quotes introduced with an object, a time or an adverb', () => {
  it('credits "I told this committee in 2016, ‘…’" to the outer speaker herself', () => {
    const quotes = extract(
      'Maria Castellano spoke at the hearing.\n“I told this committee in 2016, ‘You will be back here in ten years,’ and here we all are,” she said.',
    );
    const inner = quotes.find((q) => q.text === 'You will be back here in ten years,');
    assert.equal(inner?.speaker, 'Maria Castellano');
    assert.equal(inner?.via, null);
  });
  it('credits "Tessa just said, ‘…’" to Tessa, by the full name the story gives her later', () => {
    const quotes = extract(
      'Marguerite Fell ran third.\n“I came in late, and Tessa just said, ‘Go sit down, I’ve got it,’” Fell said.\nTessa Okonjo, a sophomore, ran the second leg.',
    );
    const inner = quotes.find((q) => q.text.startsWith('Go sit down'));
    assert.equal(inner?.speaker, 'Tessa Okonjo');
    assert.equal(inner?.via, 'Marguerite Fell');
  });
  it('credits "My father always told the drivers 『…』" to the father the text names', () => {
    const quotes = extract(
      'The company was founded by Takeda’s father, Takeda Shigeru. Takeda Haruo runs it now.\n「My father always told the drivers 『the bus goes』」, Takeda said.',
    );
    const inner = quotes.find((q) => q.text === 'the bus goes');
    assert.equal(inner?.speaker, 'Takeda Shigeru');
  });

  it('reads a role in close apposition ("the critic Ada Pole") and an agent noun in -ist as its holder', () => {
    const quotes = extract(
      [
        'Writing in the Ledger, the critic Ada Pole called the novel “a fine boat with no engine.”',
        'The novelist Hal Brennerman said, “I would follow her into any fog.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'a fine boat').speaker, 'Ada Pole');
    // "Brennerman" ends like "longshoreman", but a capitalised word is a surname, not a role noun.
    assert.equal(quoteWith(quotes, 'into any fog').speaker, 'Hal Brennerman');
  });

  it('credits words after "a blurb from X:" to X', () => {
    const quotes = extract(
      'The cover carries a blurb from the novelist Hal Brennerman: “I would follow her into any fog.”',
    );
    assert.equal(quoteWith(quotes, 'into any fog').speaker, 'Hal Brennerman');
  });

  it('credits a quote after an action beat ("She laughed when …") to the beat\'s subject', () => {
    const quotes = extract(
      [
        '“It took me a year,” Miriam Osterholt said.',
        'She laughed when I brought up Cray. “Everyone asks whether he is real. He is, a little.”',
        'The harbor froze that winter. “Nobody fished for a month.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Everyone asks').speaker, 'Miriam Osterholt');
    // A beat whose subject is no person stages nobody, and a quote with no speaker is not reported.
    noQuoteWith(quotes, 'Nobody fished');
  });

  it('credits inner words a progressive verb of loud speech introduces ("She was yelling ‘…’")', () => {
    const quotes = extract(
      [
        'Coach Dana Harlow stood at the 300-meter mark.',
        '“She was yelling ‘Arms, arms, arms!’ She always yells ‘arms.’ That is her word,” Mia Castellane said.',
      ].join('\n'),
    );
    const inner = quotes.find((q) => q.text === 'Arms, arms, arms!');
    assert.equal(inner?.speaker, 'Dana Harlow');
    assert.equal(inner?.via, 'Mia Castellane');
  });

  it('reads "The mayor said:" as a speaker before a colon, not a section label, and "the co-op" as the X Co-op', () => {
    const quotes = extract(
      [
        'Mayor Jane Roe toured the Fallow Street Co-op on Monday.',
        'The mayor said: "We hear you all, and we will act."',
        'The co-op said: "Our doors stay open."',
        'The co-op’s account posted on Wednesday: "Members meet on March 18."',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'we will act').speaker, 'Jane Roe');
    assert.equal(quoteWith(quotes, 'doors stay open').speaker, 'Fallow Street Co-op');
    assert.equal(quoteWith(quotes, 'Members meet').speaker, 'Fallow Street Co-op');
  });

  it('reads "X put it bluntly:", "X’s reply was short:", "A statement from X read:" and "“…,” X, who …, said"', () => {
    const quotes = extract(
      [
        'Mayor Jane Roe and Acme Corp. met residents on Monday.',
        'Roe put it bluntly: “We are not closing it.”',
        'Roe’s reply was short: “Not this year.”',
        'A statement from Acme read: “The pier stays open.”',
        '“We will rebuild the deck,” Roe, who faces re-election in May, said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'not closing it').speaker, 'Jane Roe');
    assert.equal(quoteWith(quotes, 'Not this year').speaker, 'Jane Roe');
    assert.equal(quoteWith(quotes, 'pier stays open').speaker, 'Acme Corp.');
    assert.equal(quoteWith(quotes, 'rebuild the deck').speaker, 'Jane Roe');
  });

  it('credits a quote to whom the next sentence says it came from, not to the speaker before', () => {
    const quotes = extract(
      [
        '“We are owed back pay,” said Priscilla Dunmore, who teaches composition.',
        '"Shame!" The shout came from somewhere near the back of the crowd when the provost was named.',
        '"Resign!" That cry came from Tom Bell, a history lecturer.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Shame!').speaker, 'someone near the back of the crowd');
    assert.equal(quoteWith(quotes, 'Resign!').speaker, 'Tom Bell');
  });
});
