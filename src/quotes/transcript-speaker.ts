// Who a transcript label names: "SEN. HOLLOWAY" → the senator the document named in full, "Ms LOWE" →
// the Margaret Lowe an earlier label gave in full, "OPERATOR" → "Operator", "UNIDENTIFIED MALE" → an
// unnamed "Unidentified male".

import { isCommonWord, isFirstName } from '../text/word-lexicon.js';
import { TITLE_WORDS } from './lexicon.js';
import { readNounPhrase } from './noun-phrase.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import { USERNAME } from './transcript.js';

const USERNAME_ONLY = new RegExp(`^(?:${USERNAME.source})$`, 'u');

/** A name known only from upper-case label lines is shown as a name is written: "OPERATOR" → "Operator". */
const inCapitalsOnly = (name: string) => /\p{Lu}{2}/u.test(name) && !/\p{Ll}/u.test(name);
const titleCaseWord = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

/**
 * The label without its leading titles ("Ms Margaret Lowe" → "Margaret Lowe"): speakers are credited by
 * name. A title is kept when only a surname would be left, since "Sen. Holloway" says more than "Holloway".
 */
function withoutTitles(words: readonly string[]): string[] {
  let i = 0;
  while (i < words.length && TITLE_WORDS.has((words[i] ?? '').replace(/\.$/, '').toLowerCase())) i++;
  return words.length - i >= 2 ? words.slice(i) : [...words];
}

/**
 * "The SPEAKER:", "THE CHAIR:": a label that names an office rather than a person is the person the
 * record says holds it ("The Speaker (Mr Alan Treharne) took the chair"), found like "the chairman"
 * in prose; when nobody is given that office the label stays as written.
 */
function officeHolder(
  label: string,
  resolver: SpeakerResolver,
  where: { pos: number; paragraph: number },
): Speaker | null {
  const office = /^the\s+(\p{L}+)$/iu.exec(label)?.[1]?.toLowerCase();
  if (!office) return null;
  const text = `the ${office}`;
  const holder = resolver.resolve(
    { kind: 'role', start: -1, end: text.length, text, head: office, definite: true },
    where,
  );
  return holder?.kind === 'person' && !holder.unnamed ? holder : null;
}

/**
 * "IRENE:" in a podcast whose introduction names Irene Castaño: a capitals-only label read as the name
 * is written ("Irene"), which resolves as a first name or surname does in prose.
 */
function byWrittenName(
  words: readonly string[],
  resolver: SpeakerResolver,
  where: { pos: number; paragraph: number },
): Speaker | null {
  if (words.length !== 1) return null;
  const written = words[0] ?? '';
  const np = readNounPhrase(written, 0);
  if (np?.kind !== 'name' || np.end !== written.length) return null;
  const found = resolver.resolve({ ...np, start: -1 }, where);
  if (found?.name.includes(' ') && found.kind === 'person') return found;
  return resolver.byGivenName(written, where.pos);
}

/**
 * "UNIDENTIFIED MALE:", "UNIDENTIFIED FEMALE:": a label of ordinary words, none a name, describes a
 * speaker the transcript cannot name. It is written as a description (first word capitalised) and
 * marked unnamed, not title-cased as if it were a name.
 */
function describedLabel(words: readonly string[]): Speaker | null {
  // A participle the lexicon lacks ("unidentified") is as ordinary a word as one it lists.
  const ordinary = (w: string) => (isCommonWord(w) || /^\p{L}{4,}ed$/u.test(w)) && !isFirstName(w);
  // "The CLERK:" names an office, which keeps its capital ("The Clerk"), as a title does.
  if (words.length < 2 || words[0] === 'The' || !words.every(ordinary)) return null;
  const name = [words[0], ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
  return { name, role: null, members: [], kind: 'person', unnamed: true };
}

export function transcriptSpeaker(
  label: string,
  resolver: SpeakerResolver,
  where: { pos: number; paragraph: number },
  earlier: Map<string, Speaker | null>,
): Speaker {
  const holder = officeHolder(label, resolver, where);
  if (holder) return holder;
  // "dana.k:" in a chat log: the person the story says the account is, else the account as written.
  if (USERNAME_ONLY.test(label))
    return resolver.byAccount(label) ?? { name: label, role: null, members: [], kind: 'person' };
  // "I.S.:": dotted initials, as interviews label the person the introduction named.
  if (/^(?:\p{L}\.\s?){2,3}$/u.test(label)) {
    const owner = resolver.byInitials(label.replace(/[.\s]/g, ''), where.pos);
    if (owner) return owner;
  }
  const np = readNounPhrase(label, 0);
  const resolved = np && np.end === label.length ? resolver.resolve({ ...np, start: -1 }, where) : null;
  const words = withoutTitles(label.split(/\s+/).map((w) => (inCapitalsOnly(w) ? titleCaseWord(w) : w)));
  // A one-word resolution ("Jonah", an entity made of the labels themselves) yields to the person the
  // document named with that given name.
  const oneWord = resolved !== null && !resolved.name.includes(' ');
  const given = oneWord && words.length === 1 ? resolver.byGivenName(words[0] ?? '', where.pos) : null;
  const speaker =
    given ??
    (resolved && !inCapitalsOnly(resolved.name)
      ? resolved
      : (byWrittenName(words, resolver, where) ??
        describedLabel(words) ?? {
          name: words.join(' '),
          role: null,
          members: [],
          kind: 'person' as const,
        }));
  // Upper-case labels ("GEN. MARK HOLT:") are not in the entity table, so a later "GEN. HOLT:" is
  // resolved against the full names earlier labels gave (one per surname: two Holts stay as written).
  const named = withoutTitles(speaker.name.split(/\s+/));
  const surname = named[named.length - 1]?.toLowerCase() ?? '';
  if (named.length >= 2 && !TITLE_WORDS.has((named[0] ?? '').replace(/\.$/, '').toLowerCase())) {
    const known = earlier.get(surname);
    if (known === undefined) earlier.set(surname, speaker);
    else if (known && known.name !== speaker.name) earlier.set(surname, null);
    return speaker;
  }
  return earlier.get(surname) ?? speaker;
}
