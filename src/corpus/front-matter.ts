import { parse as parseYaml } from 'yaml';
import { describeError } from '../errors.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Offset in the text where the body starts (0 when there is no front matter). */
  bodyStart: number;
}

/** Thrown for front matter that opens but is not valid; the loader turns it into a per-file warning. */
export class FrontMatterError extends Error {}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits YAML front matter (`---` … `---` at the very top of a markdown file) from the body.
 * The body keeps its offsets in the original text so quotes stay verbatim spans of the file.
 */
export function parseFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, bodyStart: 0 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new FrontMatterError('front matter opened with "---" is never closed');
  const yamlText = rest.slice(0, closing.index);
  let data: unknown;
  try {
    data = parseYaml(yamlText) ?? {};
  } catch (error) {
    // The first line only (the rest is a code frame), without the colon that introduced the frame.
    const reason = (describeError(error).split('\n')[0] ?? '').replace(/:\s*$/, '');
    throw new FrontMatterError(`front matter is not valid YAML: ${reason}`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a YAML mapping (key: value lines)');
  }
  return {
    data: data as Record<string, unknown>,
    bodyStart: opening[0].length + closing.index + closing[0].length,
  };
}
