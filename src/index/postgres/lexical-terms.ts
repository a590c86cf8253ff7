import { contentTerms, words } from '../../text/terms.js';
import type { LexicalDocument } from '../lexical-index.js';

/**
 * The keyword side of a chunk as PostgreSQL stores it (migrations/index/003-lexical-terms.sql): a
 * tsvector of OUR terms, not of a text search configuration's. 'english' stems with Snowball and has
 * its own stopwords, and every configuration's parser splits words its own way (apostrophes, hyphens,
 * addresses), so its terms would differ from those the files backend's MiniSearch index holds, and
 * so would every BM25 figure and ranking. Written as a tsvector literal, the terms are exactly
 * `contentTerms` (our tokenizer, stopwords and Porter stemmer), one weight per field — A text,
 * B speakers, C title — with as many positions as the term occurs in that field, so term frequencies
 * per field can be read back from the index row (see postgres-lexical-search.ts).
 */
export interface LexicalTerms {
  /** A tsvector literal: `'term':1A,2A,3B …`. */
  terms: string;
  /** Per field, how many distinct words it has, stopwords included: MiniSearch's field length. */
  lengths: { text: number; speakers: number; title: number };
}

export const FIELD_WEIGHTS = { text: 'A', speakers: 'B', title: 'C' } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/**
 * PostgreSQL keeps at most 256 positions of a lexeme in one tsvector (MAXNUMPOS): a term that occurs
 * more often in one chunk counts 256 times, where BM25's saturation (k = 1.2) makes any count past a
 * few dozen score the same to many digits.
 */
const MAX_POSITIONS = 256;
/** A lexeme longer than this (in bytes) is refused by PostgreSQL: such a "word" is left out. */
const MAX_LEXEME_BYTES = 2047;

export function lexicalTerms(document: Omit<LexicalDocument, 'label'>): LexicalTerms {
  const weights = new Map<string, string[]>();
  for (const field of FIELDS) {
    for (const term of contentTerms(document[field])) {
      const list = weights.get(term) ?? [];
      list.push(FIELD_WEIGHTS[field]);
      weights.set(term, list);
    }
  }
  const entries: string[] = [];
  for (const [term, list] of weights) {
    if (Buffer.byteLength(term) > MAX_LEXEME_BYTES) continue;
    const positions = list.slice(0, MAX_POSITIONS).map((weight, i) => `${i + 1}${weight}`);
    entries.push(`${quotedLexeme(term)}:${positions.join(',')}`);
  }
  const distinct = (text: string) => new Set(words(text)).size;
  return {
    terms: entries.join(' '),
    lengths: {
      text: distinct(document.text),
      speakers: distinct(document.speakers),
      title: distinct(document.title),
    },
  };
}

/** A lexeme as tsvector and tsquery input take it: in quotes, with quotes and backslashes escaped. */
export function quotedLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
