import { CorpusFileError } from './corpus-file-error.js';
import { type PagedParagraph, type PdfLine, pdfParagraphs } from './pdf-layout.js';

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

/**
 * The paragraphs of a PDF with their page numbers, through unpdf (Mozilla's pdf.js, no native code).
 * Encrypted and damaged files, and files with no text layer (scans), are refused with the reason.
 */
export async function readPdf(
  path: string,
  bytes: Buffer,
): Promise<{ paragraphs: PagedParagraph[]; title: string | null }> {
  const { getDocumentProxy, extractTextItems } = await import('unpdf');
  let pages: TextItem[][];
  let title: string | null = null;
  try {
    // verbosity 0: pdf.js would print its warnings about damaged files on stdout.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractTextItems(pdf)).items;
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    await pdf.destroy();
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'PasswordException')
      throw new CorpusFileError(path, 'the PDF is encrypted (password protected); save an unprotected copy');
    throw new CorpusFileError(path, 'not a readable PDF (damaged or not a PDF)');
  }
  const paragraphs = pdfParagraphs(pages.map(toLines));
  if (paragraphs.length === 0) {
    throw new CorpusFileError(
      path,
      'the PDF has no text layer (a scanned image?); run OCR on it (e.g. ocrmypdf) and add the result',
    );
  }
  return { paragraphs, title };
}

/** pdf.js gives text runs; a line is the runs on one baseline, in reading order. */
function toLines(items: TextItem[]): PdfLine[] {
  const lines: (PdfLine & { right: number })[] = [];
  for (const item of items) {
    if (!item.str.trim() && !item.hasEOL) continue;
    const last = lines.at(-1);
    if (last && Math.abs(last.y - item.y) <= item.fontSize * 0.5) {
      const gap = item.x - last.right;
      const glue = gap > item.fontSize * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ' ' : '';
      last.text += glue + item.str;
      last.right = item.x + item.width;
    } else if (item.str.trim()) {
      lines.push({ text: item.str, y: item.y, fontSize: item.fontSize, right: item.x + item.width });
    }
  }
  return lines
    .map(({ text, y, fontSize }) => ({ text: text.replace(/\s+/g, ' ').trim(), y, fontSize }))
    .filter((line) => line.text.length > 0);
}
