import { CorpusFileError } from './corpus-file-error.js';

/**
 * The paragraphs of a Word (.docx) file, through mammoth: one per Word paragraph (mammoth's raw text
 * separates them with a blank line), white space inside a paragraph collapsed to one line. A .docx
 * has no fixed pages (Word lays them out when it opens the file), so no page numbers.
 */
export async function readDocx(path: string, bytes: Buffer): Promise<string[]> {
  const mammoth = (await import('mammoth')).default;
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw new CorpusFileError(
      path,
      'not a readable Word (.docx) file (damaged, encrypted or another format)',
    );
  }
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
  if (paragraphs.length === 0) throw new CorpusFileError(path, 'the Word file has no text');
  return paragraphs;
}
