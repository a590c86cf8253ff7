import { copyLine, passageLink } from './copy-line.js';
import type { QuoteHit } from './find-quotes.js';
import { quoteDate } from './quote-dates.js';

/** One quote as `quotes --json` prints it and the MCP `find_quotes` tool returns it. */
export function quoteToJson(hit: QuoteHit) {
  return {
    text: hit.text,
    kind: hit.kind,
    speaker: hit.speaker,
    role: hit.role,
    members: hit.members,
    via: hit.via,
    cue: hit.cue,
    confidence: hit.confidence,
    said_to: hit.saidTo ?? null,
    when: hit.when ?? null,
    relayed_by: hit.relayedBy ?? null,
    unnamed: hit.unnamed ?? false,
    doc: hit.doc,
    title: hit.title,
    url: hit.url,
    paragraph: hit.paragraph,
    ...(hit.page ? { page: hit.page } : {}),
    start: hit.start,
    end: hit.end,
    said_on: quoteDate(hit),
    copy_line: copyLine(hit, hit),
    link: passageLink(hit.url, hit.text),
  };
}
