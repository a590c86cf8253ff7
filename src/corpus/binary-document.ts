import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readDocx } from './docx-text.js';
import { readPdf } from './pdf-text.js';

export interface BinaryText {
  /** One paragraph per line: the text that paragraph offsets (and quote offsets) refer to. */
  body: string;
  /** Page of each paragraph, in order (null for formats without pages). */
  pages: (number | null)[];
  data: Record<string, unknown>;
}

/**
 * Metadata for a file that cannot carry front matter (a PDF or Word file fetched by URL): a hidden
 * `.NAME.meta.json` beside it, written by the fetcher, which the corpus listing skips like any hidden file.
 */
export function sidecarPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.meta.json`);
}

async function readSidecar(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(sidecarPath(path), 'utf8').catch(() => null);
  if (!text) return {};
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A PDF or Word file as text: its paragraphs one per line, with their pages, and its metadata. */
export async function readBinaryDocument(
  path: string,
  bytes: Buffer,
  extension: string,
): Promise<BinaryText> {
  const sidecar = await readSidecar(path);
  if (extension === '.pdf') {
    const { paragraphs, title } = await readPdf(path, bytes);
    return {
      body: paragraphs.map((paragraph) => paragraph.text).join('\n'),
      pages: paragraphs.map((paragraph) => paragraph.page),
      data: { ...(title ? { title } : {}), ...sidecar },
    };
  }
  const paragraphs = await readDocx(path, bytes);
  return { body: paragraphs.join('\n'), pages: paragraphs.map(() => null), data: sidecar };
}
