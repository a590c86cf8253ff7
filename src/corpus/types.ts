/** A person or organisation the document's front matter says speaks in it ("speakers:" list). */
export interface SpeakerHint {
  name: string;
  role: string | null;
}

/** Front matter of a corpus document; every field optional because users bring their own files. */
export interface DocumentMeta {
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  source: string | null;
  speakers: SpeakerHint[];
}

/**
 * One paragraph of a document. `text` is the exact slice `source.slice(start, end)` of the file
 * as read (after a leading BOM), so every quote cut from it is a verbatim span of the file.
 */
export interface Paragraph {
  /** Stable id: `${documentId}#${number}`. */
  id: string;
  /** 1-based position among the document's paragraphs. */
  number: number;
  text: string;
  /** Offset of `text` in the file's text (HTML: in the text extracted from it). */
  start: number;
  end: number;
  /** The page the paragraph starts on, for paged documents (PDF); citations show it as "p. N". */
  page?: number;
}

export interface CorpusDocument {
  /** Corpus folder name + relative path, e.g. `corpus/axios-musk-putin-spacex.md`. */
  id: string;
  /** Absolute path of the file. */
  path: string;
  meta: DocumentMeta;
  paragraphs: Paragraph[];
  /** sha256 of the file's bytes: decides whether re-ingesting must embed it again. */
  contentHash: string;
}
