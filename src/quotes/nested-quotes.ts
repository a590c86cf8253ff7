// A quote inside a quote: `"She keeps saying she'll 'finish what she couldn't,'" Salas said.` The outer
// words are Salas's; the inner words are presented as someone else's, and belong to them when the outer
// speaker names who said them right before the inner marks ("the governor told us, '…'", "she keeps
// saying '…'"). A pronoun is trusted only when one person of the document can be meant: the outer
// speaker does not call herself "she", so she is left out, and with two candidates the inner quote is
// not reported (a wrong speaker is worse than none). "I said, '…'" is the outer speaker's own earlier
// words, credited to her.
import { NESTED_QUOTE } from './confidence.js';
import { isKinNoun, kinGender } from './kinship.js';
import { TITLE_WORDS } from './lexicon.js';
import { readNounPhrase } from './noun-phrase.js';
import type { Draft } from './quote-drafts.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';

/** `‘…’` or `'…'` inside the outer quote: an opening mark after a space, a closing one before a space or mark. */
const INNER =
  /(?<=^|[\s(\u2014\u2013])['‘](?=\p{L})((?:(?!['’](?=[\s.,;:!?"”\u2014\u2013]|$)).){1,300}?[^\s])['’](?=[\s.,;:!?"”\u2014\u2013]|$)/gu;
/** German inner quotes inside „…“: `‚…‘` (low opening mark, high closing mark). */
const INNER_LOW = /(?<=^|[\s(\u2014\u2013])‚(?=\p{L})([^‚‘]{1,300}?[^\s])‘/gu;
/** Japanese inner quotes inside 「…」: `『…』`. */
const INNER_CORNER = /『([^『』]{1,300}?[^\s])』/gu;
/** Guillemets inside „…” or “…” (Hungarian and Polish typesetting): `»…«` or `«…»`. */
const INNER_GUILLEMET = /[»«](?=\p{L})([^»«]{1,300}?[^\s])[«»]/gu;
/** A transcript turn is not itself in quote marks, so the words it quotes are in the primary marks. */
const INNER_DOUBLE = /(?<=^|[\s(\u2014\u2013])["“](?=\p{L})([^"“”]{1,300}?[^\s])["”]/gu;

/**
 * The speaker and reporting verb right before the inner quote, with at most three words between them
 * ("she keeps saying she'll '…'", "the governor told us, '…'"); a time adverb may follow the verb
 * ("I said then, '…'", "I've told him a hundred times, '…'"), an adverb of frequency or manner may come before it ("always told me", "once
 * wrote"), a progressive may carry it ("she was yelling ‘…’", with the verbs of loud or soft speech), and a phrase saying where the words were written or said before the comma
 * ("I wrote across the top of the page, “…”"); a relative clause may describe the speaker first ("Bud
 * Larkin, who owned it then, came up to the shack and said, “…”").
 */
const INTRODUCTION =
  /(?:^|[\s,;:(\u2014\u2013])((?:(?:[Tt]he|[Aa]n?)\s+)?[\p{L}][\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}),?\s+(?:(?:who|which)\s+[^,;:"“”]{1,50},\s+)?(?:(?:[\p{Ll}'’-]+\s+){1,6}and\s+)?(?:(?:keeps?|kept|used\s+to|would|was|were|is|are)\s+)?(?:(?:always|often|once|never|just|simply|finally|also|\p{Ll}+ly)\s+)?(?:said|says|saying|say|(?:yell|shout|scream|whisper)(?:s|ed|ing)?|(?:asked|asks)(?:\s+(?:us|me|them|him|her))?|replied|answered|told\s+(?:us|me|them|him|her|everyone|(?:the|this|that|our|my|his|their)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+|\p{Ll}+s)|tells\s+(?:us|me|them|everyone)|promised|promises|promising|vowed|vows|wrote|writes|insisted|insists|insisting|claimed|claims|declared|announced)(?:\s+(?:then|once|twice|again|later|earlier|before|repeatedly|at\s+the\s+time|in\s+\d{4}|last\s+(?:week|month|year|spring|summer|fall|autumn|winter)|(?:a\s+)?\p{Ll}+\s+times))?(?:\s+(?:across|on|in|at|into|onto|under|over|inside)\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+(?=,))?(?:\s+that)?[\s,:]*(?:[\p{L}'’]+\s+){0,3}$/u;

const FIRST_PERSON = /^(?:i|we|you)$/i;

function innerSpeaker(
  draft: Draft,
  introduction: RegExpExecArray,
  leadStart: number,
  resolver: SpeakerResolver,
): Speaker | null {
  const outer = draft.speaker;
  const matched = introduction[1] ?? '';
  // The words may reach back over a sentence break ("… budget. Councillor Ben Rix told me"): the
  // speaker is in the sentence of the verb. A title's full stop ("Dr. Lee") is no break.
  const breakAt = [...matched.matchAll(/(\p{L}+)[.!?]\s+/gu)]
    .filter((m) => !TITLE_WORDS.has((m[1] ?? '').toLowerCase()))
    .map((m) => (m.index ?? 0) + m[0].length)
    .pop();
  const sentence = breakAt === undefined ? matched : matched.slice(breakAt);
  // "… and I said, '…'": the match may open on a lowercase conjunction before the speaker.
  const lead = /^(?:(?!(?:the|an?)\s)\p{Ll}+\s+)+(?=\p{Lu})/u.exec(sentence)?.[0].length ?? 0;
  const words = sentence.slice(lead);
  if (!outer) return null;
  // "I told them, 'we will be back'": the speaker quotes her own earlier words, which are hers (the
  // gold rules of the quote-eval set). "We" and "you" may be others, so they name no one.
  // "Once I told him, '…'": "I" is a noun phrase of its own, so words before it are an adverbial.
  const subject = words.split(/\s+/).pop() ?? '';
  if (/^I(?:['’](?:ve|d|ll|m))?$/.test(subject)) return outer;
  if (FIRST_PERSON.test(words) || FIRST_PERSON.test(subject)) return null;
  // "My dad is 81. … He told me, '…'": the speaker's own relative, by the relation the text stated
  // ("Ellen Castellane, whose father, Vincent Castellane, …"); "he"/"she" is the relative the speaker
  // named last in her own words, when the gender agrees.
  const at = leadStart + introduction.index + introduction[0].indexOf(matched) + (breakAt ?? 0) + lead;
  // "My father said, '…'": the possessive stands before the words the introduction matched.
  const owned = /\b[Mm]y\s$/.test(draft.paragraph.text.slice(Math.max(0, at - 4), at));
  const relative = relativeInQuote(
    draft,
    owned ? `my ${words}` : words,
    leadStart + introduction.index,
    resolver,
  );
  if (relative !== undefined) return relative;
  // "the senator from Colby sat in that room and said, '…'": words after a preposition are its object,
  // never the subject; the subject is the role the preposition completes, read with it.
  if (/(?:^|\s)(?:from|of|at|in|for|with|to|by|about)\s+$/.test(sentence.slice(0, lead)))
    return roleWithComplement(
      draft,
      at - lead + sentence.slice(0, lead).search(/\S+\s+$/),
      at + words.length,
      resolver,
    );
  const np = readNounPhrase(draft.paragraph.text, at);
  if (!np || np.end > at + words.length) return null;
  const where = { pos: draft.paragraph.start + at, paragraph: draft.paragraph.number };
  const pronoun = np.kind === 'pronoun' ? np.text.toLowerCase() : null;
  const speaker =
    pronoun === 'he' || pronoun === 'she'
      ? pronounInQuote(draft, pronoun === 'he' ? 'm' : 'f', where.pos, resolver)
      : pronoun
        ? null
        : resolver.resolve(np, where);
  return speaker && speaker.name !== outer.name && !speaker.unnamed ? speaker : null;
}

/** Words the reader looks back over for the role a prepositional phrase completes: "the state senator". */
const MAX_ROLE_WORDS = 4;

/**
 * The role noun phrase ending right before the preposition at `prepStart`, with the preposition and its
 * object as its description ("the senator from Colby"), resolved to whom the document gave that role;
 * null when no role ends there (then the subject is not known, and a wrong speaker is worse than none).
 */
function roleWithComplement(
  draft: Draft,
  prepStart: number,
  end: number,
  resolver: SpeakerResolver,
): Speaker | null {
  const text = draft.paragraph.text;
  const before = text.slice(0, prepStart);
  const starts = [...before.matchAll(/(?<=^|\s)\S/gu)].map((m) => m.index ?? 0).slice(-MAX_ROLE_WORDS);
  for (const start of starts) {
    const np = readNounPhrase(text, start);
    if (np?.kind !== 'role' || np.end !== before.trimEnd().length) continue;
    const described = { ...np, end, text: text.slice(np.start, end) };
    const speaker = resolver.resolve(described, {
      pos: draft.paragraph.start + start,
      paragraph: draft.paragraph.number,
    });
    return speaker && speaker.name !== draft.speaker?.name && !speaker.unnamed ? speaker : null;
  }
  return null;
}

/**
 * "he"/"she" before an inner quote: the person the outer speaker's own words name, when they name
 * exactly one who can be meant ("My first supervisor, Dale Whitcomb, told me … He said, '…'") — the
 * nearest scope a pronoun refers into; several such people mean either, so no one. When the outer
 * words name nobody, the one person of that gender the document has named (the outer speaker left
 * out: they call themselves "I").
 */
function pronounInQuote(
  draft: Draft,
  gender: 'm' | 'f',
  pos: number,
  resolver: SpeakerResolver,
): Speaker | null {
  const outer = draft.speaker;
  if (!outer) return null;
  const named = resolver.peopleNamedBetween(gender, draft.paragraph.start + draft.start, pos, outer);
  if (named.length > 0) return named.length === 1 ? (named[0] ?? null) : null;
  return resolver.onlyPerson(gender, pos, outer);
}

const MY_KIN = /\bmy\s+(\p{Ll}+)\b/giu;

/**
 * The outer speaker's relative meant by the inner quote's introducer: "my father told me" or, after
 * "my dad …" earlier in the same quote, "he told me". Undefined when the introducer is not about a
 * relative (the other rules read it); null when it is and the text never said who that relative is.
 */
function relativeInQuote(
  draft: Draft,
  words: string,
  before: number,
  resolver: SpeakerResolver,
): Speaker | null | undefined {
  const outer = draft.speaker;
  if (!outer) return undefined;
  const own = /^[Mm]y\s+(\p{Ll}+)$/u.exec(words)?.[1];
  if (own && isKinNoun(own)) return resolver.relativeOf(outer, own);
  const pronoun = /^(?:he|she)$/i.exec(words)?.[0].toLowerCase();
  if (!pronoun) return undefined;
  // The speaker's words so far in the paragraph: a split quote's first half may name the relative.
  const said = draft.paragraph.text.slice(0, before);
  const gender = pronoun === 'he' ? 'm' : 'f';
  const kin = [...said.matchAll(MY_KIN)].filter((m) => kinGender(m[1] ?? '') === gender).pop();
  if (!kin?.[1]) return undefined;
  return resolver.relativeOf(outer, kin[1]) ?? namedAfter(draft, (kin.index ?? 0) + kin[0].length, resolver);
}

/**
 * "My uncle, Gerrit Achterberg, was …": the name the speaker gives the relative in apposition, in the
 * same words (a relation stated with "my" has its holder only in the quote around it).
 */
function namedAfter(draft: Draft, at: number, resolver: SpeakerResolver): Speaker | null {
  const comma = /^,\s+/.exec(draft.paragraph.text.slice(at, at + 4));
  if (!comma) return null;
  const np = readNounPhrase(draft.paragraph.text, at + comma[0].length);
  if (np?.kind !== 'name') return null;
  const speaker = resolver.resolve(np, {
    pos: draft.paragraph.start + np.start,
    paragraph: draft.paragraph.number,
  });
  return speaker?.kind === 'person' ? speaker : null;
}

export function nestedDrafts(outer: Draft, resolver: SpeakerResolver): Draft[] {
  if (outer.kind !== 'direct' || !outer.speaker) return [];
  const { text } = outer.paragraph;
  const body = text.slice(outer.start, outer.end);
  const drafts: Draft[] = [];
  // Inside «…» the inner quote is in double marks (French typesetting), inside double marks it may be
  // in guillemets (Hungarian, Polish).
  const guillemets = /[«»]/.test(text[outer.start - 1] ?? '');
  const patterns =
    outer.cue === 'transcript'
      ? [INNER_DOUBLE, INNER_CORNER]
      : guillemets
        ? [INNER, INNER_DOUBLE]
        : [INNER, INNER_LOW, INNER_CORNER, INNER_GUILLEMET];
  for (const inner of patterns.flatMap((pattern) => [...body.matchAll(pattern)])) {
    const words = inner[1];
    if (inner.index === undefined || !words) continue;
    const lead = body.slice(0, inner.index);
    const introduction = INTRODUCTION.exec(lead);
    const speaker = introduction ? innerSpeaker(outer, introduction, outer.start, resolver) : null;
    if (!speaker) continue;
    const start = outer.start + inner.index + 1;
    drafts.push({
      paragraph: outer.paragraph,
      kind: 'direct',
      start,
      end: start + words.length,
      speaker,
      // The outer speaker passes the inner words on (unless they are her own).
      via: speaker === outer.speaker ? null : outer.speaker.name,
      cue: 'nested',
      confidence: NESTED_QUOTE,
    });
  }
  return drafts;
}
