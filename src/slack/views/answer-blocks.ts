import type { CitedSource } from '../../answer/follow-up-question.js';
import type { Answer, Citation } from '../../answer/types.js';
import { ACTION_IDS } from './action-ids.js';
import type { ContextBlock, KnownBlock, SlackMessage } from './block-types.js';
import { feedbackValue } from './feedback-value.js';
import { sections, toMessages } from './limits.js';
import { clip, escapeText, link, sourceLine } from './mrkdwn.js';

/** What the answer view needs to know about documents and speakers beyond the citations themselves. */
export interface AnswerCatalog {
  roles: ReadonlyMap<string, string>;
  documentCount: number;
}

const MAX_QUOTE_CHARS = 500;

/**
 * The reply to a question, as one or more messages: the answer, who said what (speaker, role, verbatim
 * quote), numbered sources, a one-line note that answers come only from the indexed documents, and
 * Slack's native feedback buttons. https://docs.slack.dev/ai/developing-ai-apps#best-practices
 */
export function answerMessages(answer: Answer, catalog: AnswerCatalog, question?: string): SlackMessage[] {
  const body = answer.abstained ? abstentionBlocks(answer) : sections(escapeText(answer.answer));
  const [first, ...rest] = toMessages(
    answer.answer,
    [...body, ...answerDetailBlocks(answer, catalog)],
    answerFooterBlocks(answer, catalog, question),
  );
  return first ? [{ ...first, sources: citedSources(answer) }, ...rest] : rest;
}

/**
 * The passages an answer cites, as its message records them (see SlackMessage.sources), in the order
 * the answer's text first cites them — the one it leads with first, those only listed last.
 */
export function citedSources(answer: Answer): CitedSource[] {
  if (answer.abstained) return [];
  const firstMention = (n: number) => {
    const at = answer.answer.indexOf(`[${n}]`);
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  return [...answer.citations]
    .sort((a, b) => firstMention(a.n) - firstMention(b.n) || a.n - b.n)
    .map((citation) => ({ doc: citation.doc, paragraph: citation.paragraph }));
}

/** Everything after the answer text: used on its own when the answer text was streamed. */
export function answerDetailBlocks(answer: Answer, catalog: AnswerCatalog): KnownBlock[] {
  if (answer.abstained) return [];
  const quoted = answer.citations.filter((citation) => citation.speaker && citation.quote);
  const blocks: KnownBlock[] = [];
  if (quoted.length > 0)
    blocks.push(
      ...sections(['*Who said what*', ...quoted.map((citation) => whoSaid(citation, catalog))].join('\n')),
    );
  if (answer.citations.length > 0) {
    blocks.push(...sections(['*Sources*', ...answer.citations.map(sourceEntry)].join('\n')));
  }
  return blocks;
}

/**
 * The context note (and any notes from the core) followed by the feedback buttons, whose values carry
 * the question and the passages cited (feedback-value.ts) when the question is given.
 */
export function answerFooterBlocks(answer: Answer, catalog: AnswerCatalog, question?: string): KnownBlock[] {
  const subject = question === undefined ? undefined : { question, citations: citedSources(answer) };
  const documents = `${catalog.documentCount} indexed ${catalog.documentCount === 1 ? 'document' : 'documents'}`;
  const notes = answer.notes.map((note) => escapeText(note));
  const context: ContextBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: clip(
          [`Answers come only from the ${documents}; quotes are verbatim.`, ...notes].join(' '),
          2900,
        ),
      },
    ],
  };
  return [
    context,
    {
      type: 'context_actions',
      elements: [
        {
          type: 'feedback_buttons',
          action_id: ACTION_IDS.answerFeedback,
          positive_button: {
            text: { type: 'plain_text', text: 'Helpful' },
            value: feedbackValue('helpful', subject),
            accessibility_label: 'Mark this answer as helpful',
          },
          negative_button: {
            text: { type: 'plain_text', text: 'Not helpful' },
            value: feedbackValue('not_helpful', subject),
            accessibility_label: 'Mark this answer as not helpful',
          },
        },
      ],
    },
  ];
}

/** Slack's limit for one text element of a context block. */
const MAX_CONTEXT_CHARS = 2000;

function abstentionBlocks(answer: Answer): KnownBlock[] {
  const blocks: KnownBlock[] = sections(`:grey_question: ${escapeText(answer.answer)}`);
  if (answer.closest.length === 0) return blocks;
  // Near misses are offered as places to look, never as citations of an answer.
  const places = answer.closest.map((passage) => `${escapeText(passage.title)} ¶${passage.paragraph}`);
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: clip(`Closest passages: ${places.join(' · ')}`, MAX_CONTEXT_CHARS) }],
  });
  return blocks;
}

function whoSaid(citation: Citation, catalog: AnswerCatalog): string {
  const speaker = citation.speaker ?? '';
  const role = citation.role ?? catalog.roles.get(speaker);
  const who = `*${escapeText(speaker)}*${role ? `, ${escapeText(role)}` : ''}`;
  // The span is verbatim; a trailing comma or colon belongs to the sentence around it, not the quote.
  const words = escapeText(clip((citation.quote ?? '').replace(/[,;:]$/, ''), MAX_QUOTE_CHARS));
  return isDirect(citation)
    ? `• ${who}: “${words}” [${citation.n}]`
    : `• ${who} _(paraphrased)_: ${words} [${citation.n}]`;
}

/** Only the speaker's own words go in quotation marks; the document's report of them is marked as such. */
function isDirect(citation: Citation): boolean {
  return citation.kind === 'direct';
}

function sourceEntry(citation: Citation): string {
  const url = citation.url;
  const origin = sourceLine(citation.publisher, citation.date);
  return `*[${citation.n}]* ${link(url, citation.title)}${origin ? ` — ${origin}` : ''} (¶${citation.paragraph}${citation.page ? `, p. ${citation.page}` : ''})`;
}
