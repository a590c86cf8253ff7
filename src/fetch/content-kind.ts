/** The kinds of resource whosaid reads from the web; everything else is refused before its body is read. */
export type ContentKind = 'html' | 'feed' | 'pdf' | 'docx';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const BY_MEDIA_TYPE: Record<string, ContentKind> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  // Many publishers serve their feeds as plain XML.
  'application/xml': 'feed',
  'text/xml': 'feed',
  'application/pdf': 'pdf',
  [DOCX_TYPE]: 'docx',
};

/** Types that say nothing about the content: the bytes decide (see sniffKind). */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/download']);

const KIND_NAMES: Record<ContentKind, string> = {
  html: 'a web page',
  feed: 'an RSS or Atom feed',
  pdf: 'a PDF',
  docx: 'a Word (.docx) document',
};

export function describeKind(kind: ContentKind): string {
  return KIND_NAMES[kind];
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * What the Content-Type header says: a kind, `unknown` when the header gives no information (the body
 * is sniffed once read), or null for a type we never read (images, video, JSON, archives…).
 */
export function kindFromHeader(contentType: string | undefined): ContentKind | 'unknown' | null {
  const media = mediaTypeOf(contentType);
  if (UNSPECIFIC.has(media)) return 'unknown';
  return BY_MEDIA_TYPE[media] ?? null;
}

/**
 * The kind from the bytes, for servers that label everything octet-stream: PDF files start with
 * "%PDF-" (ISO 32000-1, 7.5.2); a .docx is a ZIP ("PK\x03\x04") whose name says it is a Word file.
 */
export function sniffKind(bytes: Buffer, pathname: string): ContentKind | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && /\.docx$/i.test(pathname))
    return 'docx';
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (/^(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:rdf)\b/.test(head)) return 'feed';
  return null;
}
