import { plainLine } from './plain-text.js';

/** What a page says about itself, for the stored article's front matter. Every field may be missing. */
export interface PageMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  /** The page's canonical URL as it declares it (absolute; not yet checked against where it came from). */
  canonical: string | null;
}

/** The subset of a DOM document we read (linkedom's document provides it). */
interface MetaDocument {
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

/**
 * Reads the metadata publishers put in their pages, most specific first: JSON-LD (schema.org
 * NewsArticle and its relatives — what search engines read, so publishers keep it right), then Open
 * Graph and `article:*` meta tags, then plain `<title>`, `<meta name="author">` and the canonical link.
 */
export function readPageMetadata(document: MetaDocument, pageUrl: string): PageMetadata {
  const article = findArticleData(document);
  const meta = (selector: string) => clean(document.querySelector(selector)?.getAttribute('content'));
  const canonical =
    clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    meta('meta[property="og:url"]') ??
    textOf(article?.url) ??
    textOf(article?.mainEntityOfPage);
  return {
    title:
      textOf(article?.headline) ??
      meta('meta[property="og:title"]') ??
      clean(document.querySelector('title')?.textContent),
    author:
      namesOf(article?.author) ?? meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    publisher:
      namesOf(article?.publisher) ?? meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]'),
    date:
      textOf(article?.datePublished) ??
      meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      textOf(article?.dateCreated),
    canonical: canonical ? absoluteHttpUrl(canonical, pageUrl) : null,
  };
}

type JsonObject = Record<string, unknown>;

/** schema.org types that describe an article (https://schema.org/Article and its subtypes). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|LiveBlogPosting)$/;

function findArticleData(document: MetaDocument): JsonObject | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A broken block on a page is common; the meta tags still count.
    }
    const found = flatten(parsed).find((item) => typesOf(item).some((type) => ARTICLE_TYPE.test(type)));
    if (found) return found;
  }
  return null;
}

/** JSON-LD nests: a top-level array, or an `@graph` holding the page's items. */
function flatten(value: unknown, depth = 0): JsonObject[] {
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flatten(item, depth + 1));
  if (!value || typeof value !== 'object') return [];
  const object = value as JsonObject;
  return [object, ...flatten(object['@graph'], depth + 1)];
}

function typesOf(item: JsonObject): string[] {
  const type = item['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (value && typeof value === 'object' && !Array.isArray(value))
    return textOf((value as JsonObject)['@id']);
  return null;
}

/** `"Ann Lee"`, `{ "name": "Ann Lee" }` or a list of those → "Ann Lee, Bo Chen". */
function namesOf(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((item) =>
      typeof item === 'string'
        ? clean(item)
        : item && typeof item === 'object'
          ? textName(item as JsonObject)
          : null,
    )
    .filter((name): name is string => name !== null);
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function textName(item: JsonObject): string | null {
  return typeof item.name === 'string' ? clean(item.name) : null;
}

function clean(value: string | null | undefined): string | null {
  const text = value ? plainLine(value) : '';
  return text ? text.slice(0, 500) : null;
}

function absoluteHttpUrl(value: string, base: string): string | null {
  if (!URL.canParse(value, base)) return null;
  const url = new URL(value, base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
