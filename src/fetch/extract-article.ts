import { htmlToText } from '../corpus/html-text.js';
import { decodeMarkup } from './decode-markup.js';
import { FetchError } from './fetch-error.js';
import { readPageMetadata } from './page-metadata.js';
import { plainLine } from './plain-text.js';

export interface ExtractedArticle {
  title: string;
  author: string | null;
  publisher: string | null;
  date: string | null;
  /** Where citations link: the page's canonical URL when it is on the same site, else the fetched one. */
  url: string;
  /** The article's paragraphs, one block element each, in reading order. */
  paragraphs: string[];
}

/**
 * The article of a news page: Mozilla's Readability (Firefox Reader View) over a linkedom DOM finds the
 * article body and drops navigation, ads and related links; the metadata comes from the page's own
 * declarations (page-metadata.ts), read before Readability, which changes the document as it works.
 */
export async function extractArticle(
  bytes: Buffer,
  contentType: string,
  pageUrl: string,
): Promise<ExtractedArticle> {
  // Loaded here: only fetching commands need them (see the README on start-up cost).
  const [{ parseHTML }, { Readability, isProbablyReaderable }] = await Promise.all([
    import('linkedom'),
    import('@mozilla/readability'),
  ]);
  const { document } = parseHTML(decodeMarkup(bytes, contentType));
  const meta = readPageMetadata(document, pageUrl);
  // The Reader View's own test of whether a page holds an article: a paywall stub, a login wall or a
  // page built by scripts has no block of text long enough, and would index as navigation crumbs.
  // linkedom implements the DOM Readability walks; its types are its own, not lib.dom's.
  const dom = document as unknown as ConstructorParameters<typeof Readability>[0];
  const article = isProbablyReaderable(dom) ? new Readability(dom).parse() : null;
  const paragraphs = article?.content
    ? htmlToText(article.content).text.split('\n').map(plainLine).filter(Boolean)
    : [];
  if (paragraphs.length === 0 || !paragraphs.some((paragraph) => paragraph.length > 0)) {
    throw new FetchError(
      pageUrl,
      'no article text found on the page (behind a paywall or a login, or built by scripts?)',
    );
  }
  return {
    title: meta.title ?? (article?.title ? plainLine(article.title) : null) ?? new URL(pageUrl).hostname,
    author: meta.author ?? (article?.byline ? plainLine(article.byline) : null),
    publisher: meta.publisher ?? (article?.siteName ? plainLine(article.siteName) : null),
    date: meta.date ?? (article?.publishedTime ? plainLine(article.publishedTime) : null),
    url: meta.canonical && sameSite(meta.canonical, pageUrl) ? meta.canonical : pageUrl,
    paragraphs,
  };
}

/**
 * A page may declare any canonical URL; citing one on another site would let a page pass itself off
 * as another publisher's article. Same host (a leading "www." aside) is the page speaking for itself.
 */
function sameSite(a: string, b: string): boolean {
  const host = (url: string) => new URL(url).hostname.replace(/^www\./, '');
  return host(a) === host(b);
}
