import type { Embedder } from '../index/embedder.js';
import type { IndexData } from '../index/index-store.js';
import { type ServedIndex, servedIndex } from '../index/served-index.js';
import type { Chunk, StoredDocument } from '../index/types.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import { buildSpeakerDirectory } from '../quotes/speaker-directory.js';
import type { Wordnet } from '../text/wordnet.js';

/** Everything a question is answered from: built once per process and passed in (never global). */
export interface SearchContext {
  /** Vectors are searched through `index.vectorSearch` (in memory or in PostgreSQL). */
  index: ServedIndex;
  embedder: Embedder;
  wordnet: Wordnet;
  documents: Map<string, StoredDocument>;
  /**
   * Each paragraph as one chunk, by `${doc}#${paragraph}`: a long paragraph's parts joined again (they
   * are contiguous slices), so a citation always carries the whole paragraph.
   */
  paragraphs: Map<string, Chunk>;
  speakers: SpeakerEntry[];
  /** Short forms of names, lower-cased → the names they stand for, over all documents. */
  aliases: Map<string, string[]>;
}

export function createSearchContext(
  source: IndexData | ServedIndex,
  embedder: Embedder,
  wordnet: Wordnet,
): SearchContext {
  const index = servedIndex(source);
  const documents = new Map(index.documents.map((document) => [document.id, document]));
  return {
    index,
    embedder,
    wordnet,
    documents,
    // Only the documents' own chunks: a view of some collections (restrict-index.ts) keeps every chunk.
    paragraphs: wholeParagraphs(index.chunks.filter((chunk) => documents.has(chunk.doc))),
    speakers: buildSpeakerDirectory(
      index.documents.flatMap((document) => document.quotes.map((quote) => ({ ...quote, doc: document.id }))),
    ),
    aliases: aliasTable(index.documents),
  };
}

function aliasTable(documents: readonly StoredDocument[]): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const { alias, name } of documents.flatMap((document) => document.aliases ?? [])) {
    const key = alias.toLowerCase();
    const names = table.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    table.set(key, names);
  }
  return table;
}

function wholeParagraphs(chunks: readonly Chunk[]): Map<string, Chunk> {
  const paragraphs = new Map<string, Chunk>();
  for (const chunk of chunks) {
    const key = `${chunk.doc}#${chunk.paragraph}`;
    const first = paragraphs.get(key);
    if (!first) paragraphs.set(key, chunk);
    else {
      const [a, b] = first.start <= chunk.start ? [first, chunk] : [chunk, first];
      // Parts are contiguous slices of the paragraph (chunk-document.ts), so joined they are verbatim.
      if (a.end !== b.start) continue;
      const quotes = [
        ...a.quotes,
        ...b.quotes.filter((quote) => !a.quotes.some((q) => q.start === quote.start)),
      ];
      paragraphs.set(key, { ...a, text: a.text + b.text, end: b.end, quotes });
    }
  }
  return paragraphs;
}
