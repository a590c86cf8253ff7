import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('transcripts: answers, continuation paragraphs and quotes inside a turn', () => {
  it('credits "A:" answers of a Q&A to the one person the introduction names', () => {
    const quotes = extract(
      [
        'Capt. Lorna Beckwith has piloted the ferry since 1996. She spoke with us about fog.',
        'Q: How did you end up on the ferry?',
        'A: By accident, mostly. My uncle knew the man who ran it then, Walt Sorensen. Walt said, "You can come be miserable on a boat that goes home every night." So I did.',
        'Q: What is the hardest part?',
        'A: Fog. You never learn fog.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'By accident').speaker, 'Lorna Beckwith');
    assert.equal(quoteWith(quotes, 'You never learn fog').speaker, 'Lorna Beckwith');
    noQuoteWith(quotes, 'hardest part');
    // The words the answer quotes are the first name's owner's, passed on by the interviewee.
    const inner = quotes.find((q) => q.text.startsWith('You can come'));
    assert.equal(inner?.speaker, 'Walt Sorensen');
    assert.equal(inner?.via, 'Lorna Beckwith');
  });

  it('reads an unlabelled paragraph between turns as the turn going on, but not narration', () => {
    const quotes = extract(
      [
        'Speakers were Fire Chief Elena Ramos and Sheriff Douglas Whitcomb.',
        'Chief Ramos: The fire is at 11,400 acres and 15 percent contained.',
        'We have 620 personnel assigned, and we are going to build line along Cutter Road.',
        'Ramos then left the podium to take a call.',
        'Q: How many homes have been lost?',
        'Sheriff Whitcomb: We have confirmed 37 homes destroyed.',
        'The sheriff’s office later updated the count to 41.',
        'Chief Ramos: Thank you all.',
        'We will be back at 7 a.m. and we will have new maps for you.',
      ].join('\n'),
    );
    const continued = quoteWith(quotes, '620 personnel');
    assert.equal(continued.speaker, 'Elena Ramos');
    assert.equal(
      continued.text,
      'We have 620 personnel assigned, and we are going to build line along Cutter Road.',
    );
    // Third-person narration, no first or second person, and a paragraph after the last turn stay out.
    noQuoteWith(quotes, 'left the podium');
    noQuoteWith(quotes, 'updated the count');
    noQuoteWith(quotes, 'new maps');
  });

  it('goes on with a turn that quotes someone, and credits the words it quotes to the one it names', () => {
    const quotes = extract(
      [
        'Rep. Karl Halvorsen (D-Minn.) sponsored the bill. Rep. Lyle Oberholtzer (R-Texas) opposed it.',
        'Mr. HALVORSEN. Madam Speaker, I yield myself such time as I may consume.',
        'Madam Speaker, my district is short of firefighters. Tom Esterly, chief of the Pine Ridge Volunteer Fire Department, wrote to me in January: "We ran 212 calls last year with eleven people."',
        'I reserve the balance of my time.',
        'Mr. OBERHOLTZER. Madam Speaker, I yield myself 4 minutes.',
        'Mr. HALVORSEN. My uncle was a firefighter. He said, "Nobody pays us to run into fires." I agree.',
        'Mr. OBERHOLTZER. I yield back.',
      ].join('\n'),
    );
    // Quote marks inside a paragraph do not make it narration: it speaks in the first person around them.
    assert.equal(quoteWith(quotes, 'my district is short').speaker, 'Karl Halvorsen');
    assert.equal(quoteWith(quotes, 'balance of my time').speaker, 'Karl Halvorsen');
    const letter = quotes.find((q) => q.text.startsWith('We ran 212 calls'));
    assert.equal(letter?.speaker, 'Tom Esterly');
    assert.equal(letter?.via, 'Karl Halvorsen');
    // "He said" in a speaker's story: the uncle is never named, so his words are credited to no one.
    assert.equal(
      quotes.some((q) => q.text.startsWith('Nobody pays us')),
      false,
      JSON.stringify(quotes.map((q) => [q.text, q.speaker])),
    );
  });

  it('reads record labels with an honorific, asides in brackets and a later short form', () => {
    const quotes = extract(
      [
        'Legislative Council of Norland. The President took the chair at 2.00 pm.',
        'Mr PETER ALDOUS (Eastvale — Minister for Roads) (2.04): I move that the bill be read a second time.',
        'With it we give councils five years to fix every level crossing on a school route.',
        'Mrs JOAN PRIDDY (Westvale) (2.15): The minister has not said where the money comes from.',
        'Mr ALDOUS: From the roads budget, as the member would know if she had read it.',
        'Mrs PRIDDY: I have read it twice.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'I move that').speaker, 'Peter Aldous');
    assert.equal(quoteWith(quotes, 'I move that').text, 'I move that the bill be read a second time.');
    assert.equal(quoteWith(quotes, 'five years to fix').speaker, 'Peter Aldous');
    assert.equal(quoteWith(quotes, 'From the roads budget').speaker, 'Peter Aldous');
    assert.equal(quoteWith(quotes, 'I have read it twice').speaker, 'Joan Priddy');
  });

  it('reads Congressional Record labels ending in a full stop, and the chair by the holder it names', () => {
    const quotes = extract(
      [
        'WASHINGTON — Rep. Ana Kowal and Rep. Ben Strand argued over the bridge bill, with Rep. Iris Dahl presiding.',
        'The SPEAKER pro tempore (Ms. DAHL). The gentlewoman from Maine is recognized.',
        'Ms. KOWAL. Madam Speaker, I yield myself such time as I may consume.',
        'Mr. STRAND of Maine. Will the gentlewoman yield?',
        'The SPEAKER pro tempore. The gentleman will suspend.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'I yield myself').speaker, 'Ana Kowal');
    assert.equal(
      quoteWith(quotes, 'I yield myself').text,
      'Madam Speaker, I yield myself such time as I may consume.',
    );
    assert.equal(quoteWith(quotes, 'Will the gentlewoman yield').speaker, 'Ben Strand');
    assert.equal(quoteWith(quotes, 'is recognized').speaker, 'Iris Dahl');
    assert.equal(quoteWith(quotes, 'will suspend').speaker, 'Iris Dahl');
  });

  it('credits "THE MODERATOR:" to the person the framing says moderated ("moderated by … Amy Lindahl")', () => {
    const quotes = extract(
      [
        'Coach Ray Whitlock met reporters. The session was moderated by sports information director Amy Lindahl.',
        'THE MODERATOR: We will start with Coach Whitlock.',
        'COACH WHITLOCK: We found a way.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'We will start').speaker, 'Amy Lindahl');
    assert.equal(quoteWith(quotes, 'found a way').speaker, 'Ray Whitlock');
  });

  it('credits a turn’s own earlier words to its speaker: "I\'ve told him a hundred times, "…""', () => {
    const quotes = extract(
      [
        'Coach Ray Whitlock met reporters.',
        'COACH WHITLOCK: He was open. I\'ve told him a hundred times, "If they switch, you go." He listened.',
      ].join('\n'),
    );
    assert.equal(quotes.find((q) => q.text === 'If they switch, you go.')?.speaker, 'Ray Whitlock');
  });

  it('keeps "RESIDENT (unidentified):" an unnamed resident', () => {
    const quotes = extract(
      [
        'Mayor Ann Cole held a town hall.',
        'COLE: We will buy out the lots.',
        'RESIDENT (unidentified): Why are we only hearing about this now?',
      ].join('\n'),
    );
    const turn = quoteWith(quotes, 'only hearing about this');
    assert.equal(turn.speaker, 'Unidentified resident');
    assert.equal(turn.unnamed, true);
  });

  it('credits a role label to the name in its brackets ("HOST (Lena Ostrow):", "CALLER (Ray, from Millbury):")', () => {
    const quotes = extract(
      [
        'HOST (Lena Ostrow): Welcome back to the show.',
        'VOSS: Thanks for having me.',
        'CALLER (Ray, from Millbury): Yeah, hi. My well went dry in August.',
        'OSTROW: Thank you, Ray.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Welcome back').speaker, 'Lena Ostrow');
    assert.equal(quoteWith(quotes, 'My well went dry').speaker, 'Ray');
  });

  it('shows a name known only from capitals as a name is written ("OPERATOR" → "Operator")', () => {
    const quotes = extract(
      [
        'OPERATOR: Welcome to the call. Our first question comes from Dana Ruiz.',
        'DANA RUIZ: Thanks. How is demand holding up?',
        'OPERATOR: Thank you. That ends the call.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Welcome to the call').speaker, 'Operator');
    assert.equal(quoteWith(quotes, 'demand holding up').speaker, 'Dana Ruiz');
  });

  it('reads "Q." and "A." labels, crediting the answers to the person the introduction opens with', () => {
    const quotes = extract(
      [
        'Ruth Galloway became head keeper at the zoo in March, succeeding Tom Esker, who moved to Ohio.',
        'Q. What changed first?',
        'A. The feeding times. Tom used to say, "A fed tiger is a calm tiger." I kept that.',
        'Q. And next?',
        'A. The director told me it is "top of the list." I will believe it when I see it.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'The feeding times').speaker, 'Ruth Galloway');
    noQuoteWith(quotes, 'What changed first');
    const inner = quotes.find((q) => q.text === 'A fed tiger is a calm tiger.');
    assert.equal(inner?.speaker, 'Tom Esker');
    assert.equal(inner?.via, 'Ruth Galloway');
  });

  it('takes no hedge ("I\'d say …") inside a turn for reported speech', () => {
    const quotes = extract(
      [
        "MARA VOSS: Mostly renewals. I'd say two-thirds renewals, one-third new customers.",
        'LEO HART: Thank you.',
      ].join('\n'),
    );
    assert.equal(
      quotes.filter((q) => q.kind === 'indirect').length,
      0,
      JSON.stringify(quotes.map((q) => [q.kind, q.speaker, q.text])),
    );
  });

  it("credits speech a turn reports to the one who said it, passed on by the turn's speaker", () => {
    const quotes = extract(
      [
        'Mayor Simone Delacroix and Governor Mary Pell toured the levee.',
        'DELACROIX: The governor told me she supported the buyouts.',
        'PELL: I do.',
      ].join('\n'),
    );
    const reported = quotes.find((q) => q.kind === 'indirect' && q.text === 'she supported the buyouts');
    assert.equal(reported?.speaker, 'Mary Pell');
    assert.equal(reported?.via, 'Simone Delacroix');
  });

  it('gives a label the name a participants line wrote after a role with "of" ("Minister of Transport …")', () => {
    const quotes = extract(
      [
        'Participants: Minister of Transport Elena Vasquez; Deputy Minister Robert Chen.',
        'MINISTER VASQUEZ: Most intercity trains are cancelled today.',
        'Q: Will you legislate?',
        'MR. CHEN: Not today.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Most intercity trains').speaker, 'Elena Vasquez');
    assert.equal(quoteWith(quotes, 'Not today').speaker, 'Robert Chen');
  });

  it('credits words a turn quotes after "asked me," and "and I said,"', () => {
    const quotes = extract(
      [
        'Mei-Lin Foster runs a glass studio. She talked with us about her show.',
        '**Q:** Are you afraid they will break?',
        '**Foster:** Some will. The gallery director, Ruth Abernathy, asked me, "Are you sure?" and I said, "I am sure."',
        '**Q:** Thank you.',
      ].join('\n'),
    );
    assert.equal(quotes.find((q) => q.text === 'Are you sure?')?.speaker, 'Ruth Abernathy');
    const own = quotes.find((q) => q.text === 'I am sure.');
    assert.equal(own?.speaker, 'Mei-Lin Foster');
    assert.equal(own?.via, null);
  });
  it('credits an office label ("The CHAIR:") to the person the record says holds the office', () => {
    const quotes = extract(
      [
        'Harbour Board of Kestrel Bay. Monday, 3 March 2025. The Chair (Ms Joan Pelley) opened the meeting at 9.00 am.',
        'Mr OWEN TATE (Northside): I move that the report be received.',
        'The CHAIR: The motion is carried. We move to the next item.',
        'The CLERK: The next item is the dredging contract.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'motion is carried').speaker, 'Joan Pelley');
    // Nobody is given the clerk's office: the label stays as written.
    assert.equal(quoteWith(quotes, 'dredging contract').speaker, 'The Clerk');
  });
  it('reads timestamped turns ("[00:01:19] IRENE:") and resolves a given-name label to the person introduced', () => {
    const quotes = extract(
      [
        'On this episode, host Tomas Reyes talks with Greta Lindqvist, who runs the ferry co-op.',
        '[00:00:12] TOMAS: Welcome back. Greta, how did the co-op start?',
        '[00:00:20] GRETA: With a bake sale and a borrowed boat.',
        '(00:01:02) TOMAS: And it worked.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'borrowed boat').speaker, 'Greta Lindqvist');
    assert.equal(quoteWith(quotes, 'borrowed boat').text, 'With a bake sale and a borrowed boat.');
    assert.equal(quoteWith(quotes, 'how did the co-op start').speaker, 'Tomas Reyes');
    assert.equal(quoteWith(quotes, 'And it worked').speaker, 'Tomas Reyes');
  });
  it('reads a label of dotted initials ("I.S.:") as the one person named so far with those initials', () => {
    const quotes = extract(
      [
        'For 31 summers, Ingrid Solheim watched the ridges. Her neighbour Tom Birch drove her up.',
        'Q: How did you start?',
        'I.S.: My uncle staffed the tower in the sixties.',
        'T.B.: She was always the first one up.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'My uncle staffed').speaker, 'Ingrid Solheim');
    assert.equal(quoteWith(quotes, 'first one up').speaker, 'Tom Birch');
  });
  it('reads closed-caption turns (">> MORROW:") against the speakers the introduction names', () => {
    const quotes = extract(
      [
        'Speaking were Ada Morrow, the harbor master, and Peter Quint of the port authority.',
        '>> MORROW: The channel reopens at noon.',
        '>> Q: Will the ferries run tonight?',
        '>> QUINT: Two of them will.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'channel reopens').speaker, 'Ada Morrow');
    assert.equal(quoteWith(quotes, 'channel reopens').text, 'The channel reopens at noon.');
    assert.equal(quoteWith(quotes, 'Two of them').speaker, 'Peter Quint');
    noQuoteWith(quotes, 'ferries run tonight');
  });
  it('reads broadcast labels with a role ("NINA COLE, KTV ANCHOR:") and the surname labels after them', () => {
    const quotes = extract(
      [
        'NINA COLE, KTV ANCHOR: Good evening. The bridge is closed tonight.',
        'PAUL VARGA, KTV CORRESPONDENT: Nina, crews are still on the span.',
        'ROSA DIAZ, COMMUTER: I drive this every day. Now it is an hour each way.',
        'COLE: Paul, thank you.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'bridge is closed').speaker, 'Nina Cole');
    assert.equal(quoteWith(quotes, 'I drive this every day').speaker, 'Rosa Diaz');
    assert.equal(quoteWith(quotes, 'Paul, thank you').speaker, 'Nina Cole');
  });
  it('reads a PARTICIPANTS line as the roster the labels resolve against, not as a turn', () => {
    const quotes = extract(
      [
        'PARTICIPANTS: Nadia Farrow, spokeswoman, Northern Maritime Command; Adm. Temitope Oyelowo, commander.',
        'MS. FARROW: Good morning, everyone. Admiral.',
        'ADM. OYELOWO: Thank you, Nadia. We have searched 9,000 square miles.',
      ].join('\n'),
    );
    assert.equal(
      quotes.some((q) => q.text.includes('Nadia Farrow, spokeswoman')),
      false,
    );
    assert.equal(quoteWith(quotes, 'Good morning').speaker, 'Nadia Farrow');
    assert.equal(quoteWith(quotes, '9,000 square miles').speaker, 'Temitope Oyelowo');
  });
  it('continues the last turn into a paragraph a stage direction closes, and not into the article’s own close', () => {
    const broadcast = extract(
      [
        'DANA WHITFIELD, MNN ANCHOR: Good evening.',
        'RAFAEL OKONKWO, MNN CORRESPONDENT: Dana, the water is rising.',
        'WHITFIELD: Rafael, thank you. Stay safe out there.',
        'We will have more on the flooding later in the hour.',
        '(COMMERCIAL BREAK)',
      ].join('\n'),
    );
    assert.equal(quoteWith(broadcast, 'more on the flooding').speaker, 'Dana Whitfield');
    const edited = extract(
      [
        'DANA WHITFIELD, MNN ANCHOR: Good evening.',
        'RAFAEL OKONKWO, MNN CORRESPONDENT: Dana, the water is rising.',
        'We have edited this transcript for length and clarity.',
      ].join('\n'),
    );
    assert.equal(
      edited.some((q) => q.text.includes('edited this transcript')),
      false,
    );
  });
  it('writes a descriptive label ("UNIDENTIFIED MALE:") as an unnamed description, not as a name', () => {
    const quotes = extract(
      [
        'RAFAEL OKONKWO, MNN CORRESPONDENT: Crews are still on the levee.',
        'UNIDENTIFIED MALE: Go, go, bring it back.',
        'OKONKWO: That was the scene an hour ago.',
      ].join('\n'),
    );
    const crew = quoteWith(quotes, 'bring it back');
    assert.equal(crew.speaker, 'Unidentified male');
    assert.equal(crew.unnamed, true);
    assert.equal(quoteWith(quotes, 'Crews are still').speaker, 'Rafael Okonkwo');
  });

  it('reads "he"/"she" in a turn as someone the turn names, never the one speaking', () => {
    const quotes = extract(
      [
        'Wendell Achterberg kept the lighthouse log for years. His sister, Ruth Achterberg, ran the cottage.',
        'Q: How did you start?',
        'Achterberg: My uncle, Gerrit Olsen, was the keeper before me. He said, "The light doesn’t care that you hate heights." I stayed.',
        'Q: Who taught you the log?',
        'Achterberg: My first supervisor, Dale Whitcomb, told me little. He said, "Write down the wind first."',
        'Q: Any rescues?',
        'Achterberg: In 2011 a kayaker named Lena Brook got caught by a squall. She told the deputies afterward that she steered toward the light.',
      ].join('\n'),
    );
    // "My uncle, Gerrit Olsen": the relative the speaker names in his own words.
    const inner = (start: string) => quotes.find((q) => q.text.startsWith(start));
    assert.equal(inner('The light doesn’t care')?.speaker, 'Gerrit Olsen');
    // Named in the turn itself, of unknown gender, he is the one "he" can mean there — not the
    // uncle of known gender named a turn earlier, nor the speaker (who would say "I").
    assert.equal(inner('Write down the wind')?.speaker, 'Dale Whitcomb');
    // "a kayaker named Lena Brook" introduces her as the sentence's subject: "she" is her, not the
    // sister named before.
    assert.equal(inner('she steered toward the light')?.speaker, 'Lena Brook');
  });
});

describe('a moderator and an audience member', () => {
  it('credits MODERATOR turns to whom the introduction says moderated, and an audience member as unnamed', () => {
    const quotes = extract(
      [
        'The following is an excerpt from the transcript of the town-hall meeting. Speaking were Mayor Simone Delacroix and residents. City Clerk Ruth Albers moderated.',
        'MODERATOR: We are going to move to public comment now.',
        'MAYOR DELACROIX: The appraisals are set by the state.',
        'AUDIENCE MEMBER: That is not what they said on my porch.',
        'MODERATOR: Ma’am, please. Next speaker.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'public comment').speaker, 'Ruth Albers');
    assert.equal(quoteWith(quotes, 'Next speaker').speaker, 'Ruth Albers');
    assert.equal(quoteWith(quotes, 'my porch').speaker?.toLowerCase(), 'audience member');
  });

  it('reads "moderated by" as well, and leaves a moderator no one is said to be as "Moderator"', () => {
    const named = extract(
      [
        'The debate, moderated by Dana Whitfield, a KMNN anchor, ran 90 minutes.',
        'MODERATOR: Welcome to the debate.',
        'SEN. HOLLOWAY: Thank you for having me.',
      ].join('\n'),
    );
    assert.equal(quoteWith(named, 'Welcome to the debate').speaker, 'Dana Whitfield');
    const unnamed = extract(
      ['The debate ran 90 minutes.', 'MODERATOR: Welcome to the debate.', 'SEN. HOLLOWAY: Thank you.'].join(
        '\n',
      ),
    );
    assert.equal(quoteWith(unnamed, 'Welcome to the debate').speaker, 'Moderator');
  });

  it('credits a deposition\'s answers and THE WITNESS turns to the one "the deposition of" names', () => {
    const quotes = extract(
      [
        'This is an excerpt from the deposition of Marta Quill, a dispatcher, in a suit brought by Omar Best. His lawyer, Jon Pike, filed it Monday.',
        'APPEARANCES: Jon Pike, for the plaintiff. Also present: Ada Moss, videographer.',
        'BY MR. PIKE:',
        'Q. Who ran the night shift?',
        'A. I did, from 2020 on.',
        'Q. Did you read the memo?',
        'THE WITNESS: Which memo do you mean?',
        'THE VIDEOGRAPHER: We are off the record.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'I did, from 2020').speaker, 'Marta Quill');
    assert.equal(quoteWith(quotes, 'Which memo').speaker, 'Marta Quill');
    // The roster of counsel is nobody's words; the videographer is the one the roster names as such.
    noQuoteWith(quotes, 'for the plaintiff');
    assert.equal(quoteWith(quotes, 'off the record').speaker, 'Ada Moss');
    noQuoteWith(quotes, 'night shift');
  });
});

describe('chat logs and letters', () => {
  it('reads "[time] username:" lines as messages of the person the story says the account is', () => {
    const quotes = extract(
      [
        'The messages, filed with the complaint, show two supervisors at Calloway Freight discussing the schedule.',
        'According to the filing, mara.t is Mara Tenholt, a shift manager, and j_okafor is Jude Okafor, a dispatcher.',
        '[7:41 AM] mara.t: who is on the dock tonight',
        '[7:43 AM] j_okafor: just me and lane-2',
        '[7:44 PM] dock-lead-9: confirmed',
        'Tenholt did not respond to a request for comment.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'on the dock tonight').speaker, 'Mara Tenholt');
    assert.equal(quoteWith(quotes, 'just me and lane-2').speaker, 'Jude Okafor');
    // An account the story does not identify is credited as it is written.
    assert.equal(quoteWith(quotes, 'confirmed').speaker, 'dock-lead-9');
  });

  it('never reads a lower-case word before a colon in prose as a sender', () => {
    const quotes = extract(
      ['Note: the depot closes at nine.', 'Update: the depot reopened at ten.'].join('\n'),
    );
    assert.equal(quotes.length, 0);
  });

  it('never reads a letter\'s salutation ("Dear Colette:") as a speaker\'s label', () => {
    const quotes = extract(
      [
        '**Dear Colette:** My landlord kept my deposit, and Kyle Durant told me it was fine.',
        '**Dear Worried:** It is not. Write to Kyle Durant today.',
      ].join('\n'),
    );
    assert.equal(quotes.filter((q) => /^Dear\b/.test(q.speaker ?? '')).length, 0);
  });
});
