import { type HTMLElement, parse } from 'node-html-parser';

export interface HtmlText {
  /** Readable text: one block element (p, li, h1…) per line, entities decoded, scripts and styles dropped. */
  text: string;
  meta: Record<string, string>;
}

/**
 * Turns an HTML page into text through a real parser (node-html-parser), never with regexes,
 * and lifts the usual metadata (title, canonical url, publisher, date) so citations can link back.
 */
export function htmlToText(html: string): HtmlText {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  for (const chrome of root.querySelectorAll('nav, header, footer, aside, form, template, svg'))
    chrome.remove();
  const body =
    root.querySelector('article') ?? root.querySelector('main') ?? root.querySelector('body') ?? root;
  const text = body.structuredText
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return { text, meta: readMeta(root) };
}

function readMeta(root: HTMLElement): Record<string, string> {
  const meta: Record<string, string> = {};
  const content = (selector: string): string | undefined =>
    root.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const title = content('meta[property="og:title"]') ?? root.querySelector('title')?.text.trim();
  const url =
    content('meta[property="og:url"]') ?? root.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const publisher = content('meta[property="og:site_name"]');
  const date = content('meta[property="article:published_time"]') ?? content('meta[name="date"]');
  const author = content('meta[name="author"]');
  for (const [key, value] of Object.entries({ title, url, publisher, date, author })) {
    if (value) meta[key] = value;
  }
  return meta;
}
