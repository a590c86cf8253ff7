import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, quoteWith } from './helpers.js';

describe('written sources and the organisations behind them', () => {
  it('credits "analysts at X" to the firm, and "the firm" after them to the same firm', () => {
    const quotes = extract(
      [
        'Crestline Commercial Bank said in a statement that it had fixed the issue.',
        '"Payroll is the one product where customers have zero tolerance," wrote analysts at Barrow & Finch in a note to clients.',
        'The firm estimated that Fernlo could lose 5% to 8% of its customers this year.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'zero tolerance').speaker, 'Barrow & Finch');
    assert.equal(quoteWith(quotes, 'lose 5% to 8%').speaker, 'Barrow & Finch');
  });

  it('keeps one analyst, and other groups at a firm, as the unnamed people they are', () => {
    const quotes = extract(
      [
        'An analyst at Barrow & Finch said the merger would fail.',
        'Doctors at Barrow & Finch said the clinic was understaffed.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'merger would fail').speaker, 'an analyst');
    assert.equal(quoteWith(quotes, 'clinic was understaffed').speaker, 'doctors');
  });

  it('credits "the letter states" to the author of the letter the text brought in, not the last speaker', () => {
    const quotes = extract(
      [
        'Crestline said in a statement that its other clients were not affected.',
        'In a letter to Fernlo dated Tuesday, the Office of Payment Services Oversight gave the company 30 days to explain.',
        '"Timely notice of a material service disruption is not optional," the letter states.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'not optional').speaker, 'Office of Payment Services Oversight');
  });

  it('credits a complaint filed by a named office, and "the complaint states" after it, to that office', () => {
    const quotes = extract(
      [
        'The burglars cut through the roof, according to a criminal complaint filed Thursday by the Merrow County Prosecutor’s Office.',
        '"The defendants conducted surveillance of each location," the complaint states.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'cut through the roof').speaker, 'Merrow County Prosecutor’s Office');
    assert.equal(quoteWith(quotes, 'conducted surveillance').speaker, 'Merrow County Prosecutor’s Office');
  });

  it('credits what a page, website or feed of X says to X, and "the post" to the one whose blog post it was', () => {
    const quotes = extract(
      [
        'The Facebook page of Kisvarkony Municipality wrote that season-ticket holders would be refunded.',
        'In a post on LinkedIn, Fernlo’s chief executive, Dev Maitland, apologized for the delay.',
        'In a blog post published Monday, the company wrote that a bank update had failed.',
        'The post said all delayed payments had been completed by Monday morning.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'holders would be refunded').speaker, 'Kisvarkony Municipality');
    assert.equal(quoteWith(quotes, 'delayed payments').speaker, 'Fernlo');
  });

  it('credits "the memo said" to the office a memo was "prepared by"', () => {
    const quotes = extract(
      [
        'Ana Ruiz, the mayor, declined to comment.',
        'A memo prepared by the Halbrook Finance Department in February raised the same question. “No pricing was received,” the memo said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'No pricing').speaker, 'Halbrook Finance Department');
  });

  it('leaves "the complaint states" unattributed when the text never said who filed it', () => {
    const quotes = extract(
      ['Ana Ruiz said the men were arrested.', '"The defendants fled," the complaint states.'].join('\n'),
    );
    assert.equal(quotes.find((q) => q.text.includes('defendants fled'))?.speaker ?? null, null);
  });

  it('reads "The person said" as the unnamed source the text introduced with "a person …"', () => {
    const quotes = extract(
      [
        'Vincent Castellane declined to comment.',
        'A person familiar with the investigation said the watch had been a retirement gift.',
        'The person said detectives were also examining other burglaries.',
      ].join('\n'),
    );
    assert.equal(
      quoteWith(quotes, 'examining other burglaries').speaker,
      'a person familiar with the investigation',
    );
  });

  it('credits "Management says" to the employer the text is about, not to the union facing it', () => {
    const quotes = extract(
      [
        'Rail workers began a strike, with the Rhône-Alpes Rail Workers’ Federation saying that few trains would run.',
        'The dispute centres on a plan by the regional rail operator, Transports Express Rhône-Alpes (TERA), to raise the retirement age. Management says the change is needed to keep the network sustainable.',
        'TERA’s chief executive, Olivier Demazure, said the offer was generous.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'network sustainable').speaker, 'Transports Express Rhône-Alpes');
    // The acronym defined in parentheses is the same organisation later.
    assert.equal(quoteWith(quotes, 'offer was generous').role, 'TERA’s chief executive');
  });

  it('leaves "Management said" unattributed when only a union has been named', () => {
    const quotes = extract(
      ['The Harbor Workers Union said the strike would go on.', 'Management said the offer was final.'].join(
        '\n',
      ),
    );
    assert.equal(quotes.find((q) => q.text.includes('offer was final'))?.speaker ?? null, null);
  });

  it('reads "the agency wrote" after a transit agency spoke as that agency', () => {
    const quotes = extract(
      [
        'City budget director Olu Pemberton said the pilot would need a permanent funding source.',
        'Ferrisburg Transit said in a post on X that existing monthly passes will be refunded.',
        '"Don’t throw anything away yet," the agency wrote.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'throw anything away').speaker, 'Ferrisburg Transit');
  });

  it('reads "the company" as the party a release defined with that term, and never as a country', () => {
    const quotes = extract(
      [
        'DAYTON, Ohio — Brightwater Home Systems (“Brightwater” or “the company”) today announced a recall of heaters sold in the United States and Canada.',
        'The company said it had received 37 reports of the heaters overheating.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, '37 reports').speaker, 'Brightwater Home Systems');
    const undefinedTerm = extract(
      [
        'Halvorsen Energy agreed to buy a plant sold in the United States.',
        'The company said the deal would close in March.',
      ].join('\n'),
    );
    assert.equal(quoteWith(undefinedTerm, 'close in March').speaker, 'Halvorsen Energy');
    // After the name's legal form, and with the defined noun capitalised as legal drafting writes it.
    const legal = extract(
      [
        'JOLIET, Ill. — Halcyon Cold Chain, Inc. (“Halcyon” or “the Company”) today announced a hub.',
        '“We are grateful to the City of Joliet,” the Company said.',
        'The Company noted that the hub would open in 2028.',
      ].join('\n'),
    );
    assert.equal(quoteWith(legal, 'grateful to the City').speaker, 'Halcyon Cold Chain, Inc.');
    assert.equal(quoteWith(legal, 'open in 2028').speaker, 'Halcyon Cold Chain, Inc.');
  });

  it('reads a prefecture as a body, named without the article when a proper name leads it', () => {
    const quotes = extract(
      [
        'The Haute-Drance police prefecture said in a statement that it would not tolerate a blockade.',
        '« Any obstruction will be removed without delay, » the prefecture said.',
        'The city’s finance office said sales tax receipts grew.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'tolerate a blockade').speaker, 'Haute-Drance police prefecture');
    assert.equal(quoteWith(quotes, 'removed without delay').speaker, 'Haute-Drance police prefecture');
    // A body described without a proper name keeps its article.
    assert.equal(quoteWith(quotes, 'receipts grew').speaker, 'the city’s finance office');
  });

  it('credits "the dissent" to the judge who dissented, and a participle after a non-speech clause to its subject', () => {
    const quotes = extract(
      [
        'Judge Lorraine Whitaker dissented.',
        'The dissent also took issue with the majority’s reading of the pleas, calling it "an invitation to plead now and litigate later."',
        'In a concurrence, Judge Arthur Penhaligon wrote that the council should act.',
        'The concurrence argued that the ordinance was too broad.',
        'Halvorsen Energy cut 200 jobs, saying that demand had fallen.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'invitation to plead').speaker, 'Lorraine Whitaker');
    assert.equal(quoteWith(quotes, 'too broad').speaker, 'Arthur Penhaligon');
    assert.equal(quoteWith(quotes, 'demand had fallen').speaker, 'Halvorsen Energy');
  });

  it('carries the subject over a quoted object to "and said": "He called it “…” and said …"', () => {
    const quotes = extract(
      'Gordon Whitlake called the plan “a good-faith start” and said it had been drawn up with input from nurses.',
    );
    assert.equal(quoteWith(quotes, 'a good-faith start').speaker, 'Gordon Whitlake');
    assert.equal(quoteWith(quotes, 'drawn up with input').speaker, 'Gordon Whitlake');
  });

  it('reads the quoted object of "promised", "vowed" or "warned of" as the subject’s words', () => {
    const quotes = extract(
      [
        'The minister, Claire Devaux, promised «an answer within ten days» but would not commit to a footbridge.',
        'Mayor Bertrand Lavoisier warned of "a long winter" for the east bank.',
        'Claire Devaux read "The Plague" on the train.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'an answer within ten days').speaker, 'Claire Devaux');
    assert.equal(quoteWith(quotes, 'a long winter').speaker, 'Bertrand Lavoisier');
    assert.equal(
      quotes.some((q) => q.text.includes('The Plague')),
      false,
    );
  });

  it('credits both halves of a French incise to the speaker it names', () => {
    const quotes = extract(
      '« This bridge, said Mayor Bertrand Lavoisier, will not reopen before the spring. »',
    );
    assert.equal(quoteWith(quotes, 'This bridge').speaker, 'Bertrand Lavoisier');
    assert.equal(quoteWith(quotes, 'will not reopen').speaker, 'Bertrand Lavoisier');
  });

  it('credits "the researchers", "the study’s authors" and "the team" to the institute whose study the text cited', () => {
    const quotes = extract(
      [
        'A study published Monday by the Calder Institute found that mussels die after warm nights.',
        'The researchers wrote that the study covered six species. The study’s authors cautioned that two rivers are few.',
        'The team said the results were early.',
      ].join('\n'),
    );
    for (const words of ['covered six species', 'two rivers are few', 'results were early'])
      assert.equal(quoteWith(quotes, words).speaker, 'Calder Institute');
  });

  it('credits "a study led by researchers at X and Y", and its team and authors after it, to both institutions', () => {
    const quotes = extract(
      [
        'Wood frogs call higher in salty ponds, according to a study led by researchers at Tamsworth University and the Greywater Institute of Ecology.',
        'The team found that the calls were 11 percent higher. The authors write that the findings add a cost.',
      ].join('\n'),
    );
    for (const words of ['Wood frogs call higher', 'calls were 11 percent', 'findings add a cost'])
      assert.equal(
        quoteWith(quotes, words).speaker,
        'Tamsworth University and the Greywater Institute of Ecology',
      );
  });

  it('reads the subject of an object relative clause: "a final that the association’s president, Harlan Voss, called “…”"', () => {
    const quotes = extract(
      'Last fall she won a final that the association’s president, Harlan Voss, called “the cleanest chant in thirty years.”',
    );
    assert.equal(quoteWith(quotes, 'cleanest chant').speaker, 'Harlan Voss');
  });

  it('credits the words an alert "sent by" an office "read:" to that office', () => {
    const quotes = extract(
      'An emergency alert sent to phones by the Alder County Office of Emergency Services read: "EVACUATE NOW. Fire approaching."',
    );
    assert.equal(quoteWith(quotes, 'EVACUATE NOW').speaker, 'Alder County Office of Emergency Services');
  });

  it('credits a quoted request after "asked the board to" to the one who asked', () => {
    const quotes = extract(
      'Superintendent Tom Quist reported on enrollment. He asked the board to "join me in congratulating them."',
    );
    assert.equal(quoteWith(quotes, 'join me in congratulating').speaker, 'Tom Quist');
    assert.equal(quoteWith(quotes, 'join me in congratulating').kind, 'direct');
  });

  it('ends a reported clause where ", and she" opens the writer’s next main clause', () => {
    const quotes = extract(
      [
        'Karen Abara said the department had worked with police in three other towns, and she credited the pawnshop owner with breaking the case open.',
        'Maria Castillo said the city had permitted more housing, and she accused Anand of "inventing a crisis to run against."',
        'Tom Reyes said the plant had closed and that he would retire.',
      ].join('\n'),
    );
    assert.equal(
      quoteWith(quotes, 'three other towns').text,
      'the department had worked with police in three other towns',
    );
    assert.equal(quoteWith(quotes, 'inventing a crisis').speaker, 'Maria Castillo');
    assert.equal(quoteWith(quotes, 'plant had closed').text, 'the plant had closed and that he would retire');
  });

  it('reads "police said" as the one police force the story names, and leaves it a description with two', () => {
    const one = extract(
      [
        'Three men have been charged in a series of break-ins, police said Friday.',
        'The men were arrested Wednesday, according to Lt. Karen Abara, a spokeswoman for the Dunmore Police Department.',
      ].join('\n'),
    );
    assert.equal(quoteWith(one, 'Three men have been charged').speaker, 'Dunmore Police Department');
    const two = extract(
      [
        'Three men have been charged, police said Friday.',
        'The Dunmore Police Department and the Hollins Police Department worked together, Karen Abara said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(two, 'Three men have been charged').speaker, 'police');
  });

  it('reads an attribution set between dashes as a split quote’s ("“…” — says X, … — “…”")', () => {
    const quotes = extract(
      [
        'Dennis Marchbank says the company has no plans to push anyone out.',
        'Not everyone is sentimental. “Bakeries close. That’s what bakeries do” — says Ruben Castellanos, who owns the hardware store two doors down — “and the ones that last are the ones that change.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'what bakeries do').speaker, 'Ruben Castellanos');
    assert.equal(quoteWith(quotes, 'the ones that last').speaker, 'Ruben Castellanos');
  });

  it('reports the clause before a colon and credits the quote after it to the same speaker', () => {
    const quotes = extract(
      'Transit union president Keisha Morrow said drivers support the pilot but want more security on late-night routes: "Fare disputes are the number one reason our operators get assaulted."',
    );
    const clause = quoteWith(quotes, 'drivers support the pilot');
    assert.equal(clause.kind, 'indirect');
    assert.equal(clause.text, 'drivers support the pilot but want more security on late-night routes');
    assert.equal(quoteWith(quotes, 'Fare disputes').speaker, 'Keisha Morrow');
  });

  it('ends a reported clause inside a relative clause where the main verb resumes, after a bold section label', () => {
    const quotes = extract(
      '**The other side:** Mayor Colin Hartigan, who has said he will sign the measure, told Brisk Metro: "I\'m not convinced it pays for itself."',
    );
    assert.equal(quoteWith(quotes, 'sign the measure').text, 'he will sign the measure');
    assert.equal(quoteWith(quotes, 'not convinced').speaker, 'Colin Hartigan');
    assert.equal(quoteWith(quotes, 'not convinced').cue, 'told');
  });

  it('reads "a divided appeals court ruled" in a lead as the one appeals court the story names', () => {
    const quotes = extract(
      [
        'A divided appeals court ruled Thursday that the city acted unlawfully when it fined a vendor.',
        'The Second Appellate District Court of Appeals, in a 2-1 decision, held that the ordinance was not vague.',
        'A trial court had upheld the fines, Deborah Quist said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'acted unlawfully').speaker, 'Second Appellate District Court of Appeals');
  });

  it('ends a reported clause before an appositive that labels it ("…, a step she called “…”")', () => {
    const quotes = extract(
      [
        'Renata Sokolova leads the nurses’ union.',
        'She said members would vote next week on whether to authorize a strike, a step she called “the last thing any nurse wants.”',
      ].join('\n'),
    );
    assert.equal(
      quoteWith(quotes, 'members would vote').text,
      'members would vote next week on whether to authorize a strike',
    );
    assert.equal(quoteWith(quotes, 'the last thing').speaker, 'Renata Sokolova');
  });

  it('credits a quote after "as she tells it," to the one the parenthetical names', () => {
    const quotes = extract(
      [
        'Anton Vilensky taught cello in Porto.',
        'Lucia Ferreira walked into his studio with a borrowed cello and, as Ferreira tells it, “no idea how little I knew.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'how little I knew').speaker, 'Lucia Ferreira');
  });

  it('credits a quote after "as one council aide put it," to the unnamed person it describes', () => {
    const quotes = extract(
      [
        'Mayor Celeste Corrigan wants the charge.',
        'As one council aide put it, “Nobody in this building is voting on air quality.”',
      ].join('\n'),
    );
    const aide = quoteWith(quotes, 'Nobody in this building');
    assert.equal(aide.speaker, 'a council aide');
    assert.equal(aide.unnamed, true);
  });

  it('credits a quote followed by "That is how X puts it" to X', () => {
    const quotes = extract(
      [
        'Dennis Marchbank runs acquisitions for the firm.',
        'Lucía Ortiz has run the bakery for 31 years. “My landlord is a nice man. His lawyers are less nice.” That is how Ortiz puts it.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'His lawyers').speaker, 'Lucía Ortiz');
  });

  it('credits a quote followed by "That was X\'s reply" to X, for any noun of a statement or a speech verb', () => {
    const quotes = extract(
      [
        'Simon Achterberg, the college president, met the guild. Odette Marchetti-Lowe leads it.',
        '"They are our numbers, read halfway." That was Achterberg\'s reply on Tuesday.',
        '"We will see." That was Marchetti-Lowe\'s curt answer.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'read halfway').speaker, 'Simon Achterberg');
    assert.equal(quoteWith(quotes, 'We will see').speaker, 'Odette Marchetti-Lowe');
  });

  it('credits the paragraphs of a Markdown block quote to the writer the line before names, not its sign-off', () => {
    const quotes = extract(
      [
        'In an email to members, the treasurer, Joan Abara, wrote:',
        '> Dear members, the board voted to raise dues by four percent.',
        '> We did not take this step lightly.',
        '> Joan',
        'Tom Reyes, a member since 2010, posted on the forum:',
        '> Nobody asked the volunteers.',
        '> This line has no introducer of its own but follows one.',
        'The meeting is on Friday.',
        "> A block quote with nobody named before it is no one's quote.",
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'raise dues').speaker, 'Joan Abara');
    assert.equal(quoteWith(quotes, 'raise dues').kind, 'direct');
    assert.equal(quoteWith(quotes, 'did not take this step').speaker, 'Joan Abara');
    assert.equal(quoteWith(quotes, 'Nobody asked').speaker, 'Tom Reyes');
    assert.ok(!quotes.some((quote) => quote.text.trim() === 'Joan'), 'a sign-off is no quote');
    assert.ok(!quotes.some((quote) => quote.text.includes('nobody named before it')));
  });

  it('reads "As she put it," at the start of a sentence as "as she put it,"', () => {
    const quotes = extract(
      'Imani Castro manages the store. As she put it, "A name on a clipboard is not a person."',
    );
    assert.equal(quoteWith(quotes, 'clipboard').speaker, 'Imani Castro');
  });

  it('credits a quote followed by "That was X, ROLE, recalling …" to X, and not with another participle', () => {
    const quotes = extract(
      [
        '"Every town has a sound. Ours ran slow." That was Lena Marsh, the town clerk, recalling the winter of 2019.',
        '"The bell is fixed." That was Tom Reyes, standing in the square.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Every town').speaker, 'Lena Marsh');
    assert.ok(!quotes.some((quote) => quote.text.includes('bell is fixed') && quote.speaker === 'Tom Reyes'));
  });

  it('credits a quote to the person a beat after it names by a description with a relative clause', () => {
    const quotes = extract(
      '"There was more repair than clock." The restorer who finally took it apart, Imogen Tarrant, laughs as she says it.',
    );
    assert.equal(quoteWith(quotes, 'more repair').speaker, 'Imogen Tarrant');
  });

  it('credits "the statement said" to whom the text says wrote it, not to whoever reads it out', () => {
    const quotes = extract(
      [
        'Gordon Pell said only, "Yes, Your Honor."',
        'The hearing included a victim impact statement. It was written by Walter Brisbane, a retired road worker, and read aloud by his granddaughter, Nicole Brisbane.',
        '"I worked 31 years for this county," the statement said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, '31 years').speaker, 'Walter Brisbane');
  });
});

describe('written words brought in before a colon', () => {
  it('reads "Her diary entry reads in full:" as a clause introducing the writer\'s words, not a section label', () => {
    const quotes = extract(
      'Ada Wintersteen joined the county office in 1957.\nHer diary entry reads in full: “Drafted anyway.”',
    );
    assert.equal(quoteWith(quotes, 'Drafted anyway').speaker, 'Ada Wintersteen');
  });
  it('keeps a noun-phrase label ("The other side:") a label', () => {
    const quotes = extract('Tom Greer runs the paper.\nThe other side: "We disagree," said Ann Roe.');
    assert.equal(quoteWith(quotes, 'We disagree').speaker, 'Ann Roe');
  });
  it('credits "X sent us this:" to the sender, described with a place ("A reader in Rockport, …")', () => {
    const quotes = extract('A reader in Rockport, Tom Greer, sent us this: "Lost a fence and half the oak."');
    assert.equal(quoteWith(quotes, 'Lost a fence').speaker, 'Tom Greer');
  });

  it('credits "the statement said" to the writer of the statement the text introduced, not its reader', () => {
    const quotes = extract(
      [
        'Fire Chief Dale Overby spoke first. “We trusted him,” Overby said.',
        'Marian Holt, whose son was a volunteer, could not attend. Her statement was read by prosecutor Ian Webb.',
        '“My son gave every weekend to that company,” the statement said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'every weekend').speaker, 'Marian Holt');
  });
});
