import { passageLink } from '../../answer/copy-line.js';
import { narrowedNote, type QuoteHit } from '../../answer/find-quotes.js';
import { provenanceLine } from '../../quotes/provenance-line.js';
import { ACTION_IDS, COMMANDS } from './action-ids.js';
import type { KnownBlock, SlackMessage } from './block-types.js';
import { sections, toMessages } from './limits.js';
import { clip, escapeText, link, sourceLine } from './mrkdwn.js';

export const QUOTES_PER_PAGE = 5;
const MAX_QUOTE_CHARS = 1200;

/** What a "Show more" / "Share" button needs to rebuild a page: the query and the page's first quote. */
export interface QuotePage {
  query: string;
  offset: number;
}

export interface QuoteResults {
  query: string;
  by: 'speaker' | 'topic';
  /** The canonical speaker names a speaker query matched. */
  speakers: string[];
  hits: QuoteHit[];
  /** How dates in the query were read ("since Monday" …), when it had any. */
  dates?: string | null;
  /** A topic too common to weigh every quote: those of the newest documents were (FindQuotesResult). */
  narrowed?: { weighed: number; of: number } | null;
}

/** Button values are at most 2,000 characters: the query is clipped well below that. */
function encodePage(page: QuotePage): string {
  return JSON.stringify({ q: page.query.slice(0, 500), o: page.offset });
}

export function decodePage(value: string | undefined): QuotePage | null {
  try {
    const parsed = JSON.parse(value ?? '') as { q?: unknown; o?: unknown };
    if (
      typeof parsed.q !== 'string' ||
      typeof parsed.o !== 'number' ||
      !Number.isInteger(parsed.o) ||
      parsed.o < 0
    )
      return null;
    return { query: parsed.q, offset: parsed.o };
  } catch {
    return null;
  }
}

/** One page of `/quote` results, restating the query, with "Show more" and "Share in channel". */
export function quotePageMessage(results: QuoteResults, offset: number): SlackMessage {
  const page = results.hits.slice(offset, offset + QUOTES_PER_PAGE);
  const last = offset + page.length;
  const blocks: KnownBlock[] = [
    ...sections(`${restate(results)} — ${offset + 1}–${last} of ${results.hits.length}`),
    ...page.flatMap(quoteBlocks),
  ];
  const buttons: KnownBlock = {
    type: 'actions',
    elements: [
      ...(last < results.hits.length
        ? [
            {
              type: 'button' as const,
              action_id: ACTION_IDS.quoteMore,
              text: { type: 'plain_text' as const, text: 'Show more' },
              value: encodePage({ query: results.query, offset: last }),
            },
          ]
        : []),
      {
        type: 'button',
        action_id: ACTION_IDS.quoteShare,
        text: { type: 'plain_text', text: 'Share in channel' },
        value: encodePage({ query: results.query, offset }),
      },
    ],
  };
  return { text: `${plainRestate(results)}: ${results.hits.length} found`, blocks: [...blocks, buttons] };
}

/** The same page, posted in the channel for everyone, crediting who shared it. */
export function sharedQuotesMessage(results: QuoteResults, offset: number, userId: string): SlackMessage {
  const page = results.hits.slice(offset, offset + QUOTES_PER_PAGE);
  const blocks = [...sections(restate(results)), ...page.flatMap(quoteBlocks)];
  const footer: KnownBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Shared by <@${userId}> with \`${COMMANDS.quote}\` · quotes are verbatim from the indexed documents.`,
      },
    ],
  };
  return toMessages(plainRestate(results), blocks, [footer])[0] as SlackMessage;
}

export function quoteUsageMessage(): SlackMessage {
  const text =
    `*Usage:* \`${COMMANDS.quote} SPEAKER\` or \`${COMMANDS.quote} TOPIC\`\n` +
    `• \`${COMMANDS.quote} Meyer\` — what Dan Meyer is quoted saying\n` +
    `• \`${COMMANDS.quote} security clearance\` — quotes about a topic\n` +
    `• \`${COMMANDS.quote} check Meyer "you could lose control of your company"\` — is a quotation verbatim, and whose?\n` +
    'Replies are visible only to you; use *Share in channel* to post them.';
  return { text: `Usage: ${COMMANDS.quote} SPEAKER or TOPIC`, blocks: sections(text) };
}

export function noQuotesMessage(query: string, suggestions: string[]): SlackMessage {
  const hint =
    suggestions.length > 0
      ? `\nDid you mean ${suggestions
          .slice(0, 3)
          .map((name) => `*${escapeText(name)}*`)
          .join(', ')}?`
      : '';
  const text = `No quotes found for “${escapeText(clip(query, 200))}”.${hint}\nTry a speaker’s surname or a word from the topic.`;
  return { text: `No quotes found for “${clip(query, 200)}”.`, blocks: sections(text) };
}

function restate(results: QuoteResults): string {
  const dates = results.dates ? ` _(${escapeText(results.dates)})_` : '';
  if (results.by === 'speaker' && results.speakers.length > 0) {
    return `Quotes by ${results.speakers.map((name) => `*${escapeText(name)}*`).join(', ')}${dates}`;
  }
  const narrowed = results.narrowed ? ` _(${narrowedNote(results.narrowed)})_` : '';
  return `Quotes about “${escapeText(clip(results.query, 200))}”${dates}${narrowed}`;
}

function plainRestate(results: QuoteResults): string {
  return results.by === 'speaker' && results.speakers.length > 0
    ? `Quotes by ${results.speakers.join(', ')}`
    : `Quotes about “${clip(results.query, 200)}”`;
}

function quoteBlocks(hit: QuoteHit): KnownBlock[] {
  const who = `*${escapeText(hit.speaker ?? 'Unattributed')}*${hit.role ? `, ${escapeText(hit.role)}` : ''}${hit.via ? ` (as reported by ${escapeText(hit.via)})` : ''}`;
  const words = escapeText(clip(hit.text.replace(/[,;:]$/, ''), MAX_QUOTE_CHARS)).replace(/\n/g, '\n>');
  const said = hit.kind === 'direct' ? `“${words}”` : `${words} _(paraphrased)_`;
  const origin = sourceLine(hit.publisher, hit.date);
  const provenance = provenanceLine({ ...hit, relayedBy: hit.relayedBy === hit.via ? null : hit.relayedBy });
  return [
    ...sections(`${who}\n>${said}`),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          // The paragraph mark links to the exact words on the original page (a text fragment).
          text: `${provenance ? `${escapeText(provenance)} · ` : ''}${link(hit.url, hit.title)}${origin ? ` — ${origin}` : ''} · ${link(passageLink(hit.url, hit.text), `¶${hit.paragraph}`)}${hit.page ? `, p. ${hit.page}` : ''}`,
        },
      ],
    },
  ];
}
