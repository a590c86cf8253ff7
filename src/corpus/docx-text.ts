import { CorpusFileError } from './corpus-file-error.js';
import { zipExpansion } from './zip-expansion.js';

/**
 * What a .docx may unpack to. Its parts are XML, which deflate shrinks some 5–20×, so a Word file
 * within the corpus's 5 MB file limit unpacks to well under this; more is a zip bomb, which mammoth
 * would unpack into memory whole.
 */
const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

/**
 * The paragraphs of a Word (.docx) file, through mammoth: one per Word paragraph (mammoth's raw text
 * separates them with a blank line), white space inside a paragraph collapsed to one line. A .docx
 * has no fixed pages (Word lays them out when it opens the file), so no page numbers.
 */
export async function readDocx(path: string, bytes: Buffer): Promise<string[]> {
  if (zipExpansion(bytes, MAX_EXPANDED_BYTES) === null)
    throw new CorpusFileError(
      path,
      `expands to more than ${MAX_EXPANDED_BYTES / 1024 / 1024} MB when unpacked (a zip bomb?): not read`,
    );
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
