import type { Embedder } from '../index/embedder.js';
import type { IndexData } from '../index/index-store.js';
import type { Chunk, StoredDocument } from '../index/types.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import { buildSpeakerDirectory } from '../quotes/speaker-directory.js';
import type { Wordnet } from '../text/wordnet.js';

/** Everything a question is answered from: built once per process and passed in (never global). */
export interface SearchContext {
  index: IndexData;
  embedder: Embedder;
  wordnet: Wordnet;
  documents: Map<string, StoredDocument>;
  /** First chunk of each paragraph, by `${doc}#${paragraph}`. */
  paragraphs: Map<string, Chunk>;
  speakers: SpeakerEntry[];
}

export function createSearchContext(index: IndexData, embedder: Embedder, wordnet: Wordnet): SearchContext {
  return {
    index,
    embedder,
    wordnet,
    documents: new Map(index.documents.map((document) => [document.id, document])),
    paragraphs: new Map(
      [...index.chunks].reverse().map((chunk) => [`${chunk.doc}#${chunk.paragraph}`, chunk]),
    ),
    speakers: buildSpeakerDirectory(index.documents.flatMap((document) => document.quotes)),
  };
}
