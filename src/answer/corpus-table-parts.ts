import { addPart } from '../index/chunk-store.js';
import type { Chunk, CorpusTables, StoredDocument } from '../index/types.js';
import { type DirectoryQuote, speakerDirectorySteps } from '../quotes/speaker-directory.js';
import { runInSlices } from '../run-in-slices.js';
import { addNameRuns } from './corpus-names.js';
import { addWordCounts } from './correct-question.js';
import { aliasTable } from './search-context.js';
import { createDescriber } from './speaker-descriptions.js';

/**
 * The corpus-wide tables (corpus-tables.ts) built a document at a time, in the order a reader holding
 * the whole index reads them — paragraphs first, in document order, then the titles — with the same
 * counting rules, so the tables equal those built from the whole index. What it holds grows with the
 * quotes (the speaker directory needs all of them at once), the vocabulary and the names, not with
 * the paragraphs: the speakers' descriptions need the whole directory first, so `finish` reads each
 * document's paragraphs once more, one document at a time. Used by the writer that streams the corpus
 * into PostgreSQL and by a replica building the tables of a channel's collections.
 */
export class CorpusTableParts {
  private readonly vocabulary = new Map<string, number>();
  private readonly nameRuns = new Map<string, number>();
  private readonly titles: string[] = [];
  private readonly quotes: DirectoryQuote[] = [];

  /** One document, its quotes included, with its whole paragraphs in order. */
  add(stored: StoredDocument, paragraphs: readonly Pick<Chunk, 'text'>[]): void {
    for (const paragraph of paragraphs) {
      addWordCounts(this.vocabulary, paragraph.text);
      addNameRuns(this.nameRuns, paragraph.text);
    }
    this.titles.push(stored.meta.title ?? '');
    for (const quote of stored.quotes) this.quotes.push({ ...quote, doc: stored.id });
  }

  /** The tables of the documents added (given again, in the same order, with a reader of their paragraphs). */
  async finish(
    documents: readonly StoredDocument[],
    paragraphsOf: (document: StoredDocument) => Promise<readonly Pick<Chunk, 'text'>[]>,
  ): Promise<CorpusTables> {
    for (const title of this.titles) addWordCounts(this.vocabulary, title);
    // In slices: a large collection's directory would otherwise hold the thread for seconds.
    const speakers = await runInSlices(speakerDirectorySteps(this.quotes));
    const describer = createDescriber(speakers);
    if (describer)
      for (const document of documents)
        for (const paragraph of await paragraphsOf(document)) describer.add(paragraph.text);
    return {
      speakers,
      aliases: [...aliasTable(documents)],
      vocabulary: [...this.vocabulary],
      nameRuns: [...this.nameRuns],
      descriptions: [...(describer?.table ?? [])].map(([name, stems]) => [name, [...stems]]),
    };
  }
}

/** A document's paragraphs whole, its split parts joined (chunk-store.ts), in order. */
export function wholeParagraphs(chunks: readonly Omit<Chunk, 'label'>[]): Chunk[] {
  const paragraphs = new Map<string, Chunk>();
  for (const chunk of chunks) addPart(paragraphs, { ...chunk, label: 0 });
  return [...paragraphs.values()];
}
