import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ConversationTurn, resolveFollowUp } from '../../src/answer/follow-up-question.js';
import { firstNameGender } from '../../src/text/word-lexicon.js';

/** The people of a small corpus, found by full name or surname. */
const PEOPLE = ['Dan Meyer', 'Jane Roe', 'the Senators'];
const peopleIn = (text: string) =>
  PEOPLE.filter((name) => {
    const surname = name.split(' ').at(-1) ?? name;
    return text.includes(name) || new RegExp(`\\b${surname}\\b`, 'i').test(text);
  }).sort((a, b) => text.indexOf(a.split(' ').at(-1) ?? a) - text.indexOf(b.split(' ').at(-1) ?? b));

const meyerTurns: ConversationTurn[] = [
  { from: 'asker', text: 'What did Meyer say about the security clearance?' },
  {
    from: 'bot',
    text: 'Dan Meyer, a national security attorney, told Axios: “This is why you do not rely on one provider.” [1]',
  },
];

describe('reading a follow-up against the conversation', () => {
  it('reads he, him and his as the one person the previous question was about', () => {
    assert.deepEqual(resolveFollowUp('And what did he say about SpaceX?', meyerTurns, peopleIn), {
      question: 'And what did Dan Meyer say about SpaceX?',
      readAs: 'Dan Meyer',
    });
    assert.equal(
      resolveFollowUp('What else did he say about his clients?', meyerTurns, peopleIn).question,
      "What else did Dan Meyer say about Dan Meyer's clients?",
    );
    assert.equal(
      resolveFollowUp(
        'Who asked her about it?',
        [{ from: 'asker', text: 'What did Jane Roe say?' }],
        peopleIn,
      ).question,
      'Who asked Jane Roe about it?',
    );
  });

  it('falls back on the one person the previous answer quotes when the question named nobody', () => {
    const turns: ConversationTurn[] = [
      { from: 'asker', text: 'Who warned about relying on one provider?' },
      { from: 'bot', text: 'Dan Meyer, a national security attorney, warned about it. [1]' },
    ];
    assert.equal(
      resolveFollowUp('What else did he say?', turns, peopleIn).question,
      'What else did Dan Meyer say?',
    );
  });

  it('leaves the question as asked when it is unclear who is meant, or it names someone itself', () => {
    const two: ConversationTurn[] = [{ from: 'asker', text: 'Did Meyer and Jane Roe agree?' }];
    assert.deepEqual(resolveFollowUp('What did he say?', two, peopleIn), {
      question: 'What did he say?',
      readAs: null,
    });
    assert.equal(resolveFollowUp('What did Jane Roe say about him?', meyerTurns, peopleIn).readAs, null);
    assert.equal(resolveFollowUp('What did he say?', [], peopleIn).question, 'What did he say?');
    assert.equal(resolveFollowUp('Who runs the port?', meyerTurns, peopleIn).question, 'Who runs the port?');
    // They may be anyone plural the answer mentions: never guessed.
    assert.equal(resolveFollowUp('What did they say?', meyerTurns, peopleIn).question, 'What did they say?');
  });

  it('puts a new speaker or topic of an elliptical follow-up into the previous question', () => {
    assert.deepEqual(resolveFollowUp('and the senators?', meyerTurns, peopleIn), {
      question: 'What did the senators say about the security clearance?',
      readAs: 'the Senators',
    });
    assert.equal(
      resolveFollowUp('What about on the budget?', meyerTurns, peopleIn).question,
      'What did Meyer say on the budget?',
    );
    // A follow-up that is a question of its own is not an elliptical part.
    assert.equal(
      resolveFollowUp('And who is the mayor of Port Avery now?', meyerTurns, peopleIn).question,
      'And who is the mayor of Port Avery now?',
    );
  });

  it('reads the latest turns: a later question about someone else moves the focus', () => {
    const turns: ConversationTurn[] = [
      ...meyerTurns,
      { from: 'asker', text: 'What did Jane Roe say about the strike?' },
      { from: 'bot', text: '“We are done,” said Jane Roe, the mayor. [1]' },
    ];
    assert.equal(
      resolveFollowUp('Why did she say that?', turns, peopleIn).question,
      'Why did Jane Roe say that?',
    );
  });

  it('makes a pronoun agree in gender where a first name tells it, and never forces a choice', () => {
    const genderOf = (name: string) => firstNameGender(name.split(' ')[0] ?? '');
    const both: ConversationTurn[] = [
      { from: 'asker', text: 'What did Jane Roe and Dan Meyer say about the budget?' },
    ];
    assert.deepEqual(resolveFollowUp('What else did she say?', both, peopleIn, genderOf), {
      question: 'What else did Jane Roe say?',
      readAs: 'Jane Roe',
    });
    assert.equal(
      resolveFollowUp('And what did he say?', both, peopleIn, genderOf).question,
      'And what did Dan Meyer say?',
    );
    // Without genders two people stay ambiguous, as before.
    assert.equal(resolveFollowUp('What else did she say?', both, peopleIn).readAs, null);
    // The one person asked about is a man: "she" is not him.
    assert.equal(resolveFollowUp('What did she say about it?', meyerTurns, peopleIn, genderOf).readAs, null);
    // Two people in one question: no single reading writes both out.
    assert.equal(resolveFollowUp('Did he ask her about it?', both, peopleIn, genderOf).readAs, null);
    // A name that tells no gender stays a candidate: "he" between Dan Meyer and Priya Okonkwo is unclear.
    const unknown: ConversationTurn[] = [
      { from: 'asker', text: 'What did Dan Meyer and Priya Okonkwo say?' },
    ];
    const withOkonkwo = (text: string) => [
      ...peopleIn(text),
      ...(text.includes('Okonkwo') ? ['Priya Okonkwo'] : []),
    ];
    assert.equal(resolveFollowUp('what else did he say?', unknown, withOkonkwo, genderOf).readAs, null);
  });
});
