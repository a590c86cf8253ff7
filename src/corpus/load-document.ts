import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { describeError } from '../errors.js';
import { CorpusFileError } from './corpus-file-error.js';
import { toDocumentMeta } from './document-meta.js';
import { FrontMatterError, parseFrontMatter } from './front-matter.js';
import { htmlToText } from './html-text.js';
import { splitParagraphs, type TextSpan } from './split-paragraphs.js';
import type { CorpusDocument, Paragraph } from './types.js';

export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx'] as const;
const BINARY_EXTENSIONS = new Set(['.pdf', '.docx']);
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadDocumentOptions {
  /** The corpus folder: the document id is its name plus the file's path inside it. */
  corpusRoot?: string;
  /**
   * Put before the id (`legal:memos/x.md`): a collection's folders may share a name with another's,
   * and ids must stay unique across the one index they share.
   */
  idPrefix?: string;
  maxBytes?: number;
}

function documentIdFor(path: string, corpusRoot?: string): string {
  const root = resolve(corpusRoot ?? dirname(path));
  return [basename(root), ...relative(root, resolve(path)).split(sep)].join('/');
}

export async function loadDocument(path: string, options: LoadDocumentOptions = {}): Promise<CorpusDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bytes = await readBytes(path, maxBytes);
  const extension = extname(path).toLowerCase();
  const fallbackTitle = basename(path, extension);
  const id = `${options.idPrefix ?? ''}${documentIdFor(path, options.corpusRoot)}`;
  const document = (meta: Record<string, unknown>, paragraphs: CorpusDocument['paragraphs']) => ({
    id,
    path: resolve(path),
    meta: toDocumentMeta(meta, fallbackTitle),
    paragraphs,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  });
  if (BINARY_EXTENSIONS.has(extension)) {
    // Loaded only for such files: pdf.js and mammoth are large.
    const { readBinaryDocument } = await import('./binary-document.js');
    const binary = await readBinaryDocument(path, bytes, extension);
    const spans = splitParagraphs(binary.body, 0, { allowHardWrap: false });
    return document(
      binary.data,
      spans.map((span, index) => ({
        ...paragraphAt(id, binary.body, span, index),
        ...(binary.pages[index] ? { page: binary.pages[index] } : {}),
      })),
    );
  }
  const text = decodeText(path, bytes);
  let body = text;
  let bodyStart = 0;
  let data: Record<string, unknown> = {};
  if (extension === '.html' || extension === '.htm') {
    const html = htmlToText(text);
    body = html.text;
    data = html.meta;
  } else if (extension === '.md' || extension === '.markdown') {
    try {
      ({ data, bodyStart } = parseFrontMatter(text));
    } catch (error) {
      if (error instanceof FrontMatterError) throw new CorpusFileError(path, error.message);
      throw error;
    }
  }
  // HTML text already has one block element per line: never rejoin those lines.
  const isHtml = extension === '.html' || extension === '.htm';
  const paragraphs = splitParagraphs(body, bodyStart, { allowHardWrap: !isHtml }).map((span, index) =>
    paragraphAt(id, body, span, index),
  );
  if (paragraphs.length === 0)
    throw new CorpusFileError(path, 'the file has no text (empty or front matter only)');
  return document(data, paragraphs);
}

function paragraphAt(id: string, body: string, span: TextSpan, index: number): Paragraph {
  return {
    id: `${id}#${index + 1}`,
    number: index + 1,
    text: body.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  };
}

async function readBytes(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CorpusFileError(path, 'not a regular file');
    if (info.size > maxBytes) {
      throw new CorpusFileError(
        path,
        `too large (${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)})`,
      );
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof CorpusFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusFileError(path, `unreadable (${code ?? describeError(error)})`);
  }
}

/** Binary files (NUL bytes, invalid UTF-8) are refused rather than indexed as garbage. */
function decodeText(path: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new CorpusFileError(path, 'the file is empty');
  if (bytes.includes(0)) throw new CorpusFileError(path, 'binary file (contains NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CorpusFileError(path, 'not valid UTF-8 text (binary or another encoding)');
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
