import { ask } from './answer/ask.js';
import { type FindQuotesResult, findQuotesFor } from './answer/find-quotes.js';
import type { SearchContext } from './answer/search-context.js';
import type { Answer } from './answer/types.js';
import { type CheckRequest, checkQuote } from './check/check-quote.js';
import type { QuoteCheck } from './check/types.js';
import type { DocumentSummary } from './fetch/document-summary.js';
import type { Generation } from './llm/generation.js';
import { readableThread } from './slack/slack-text.js';
import { humanMessages } from './summarize/summarize-thread.js';
import { summarize } from './summarize/summarize-with-fallback.js';
import type { ThreadMessage, ThreadSummary } from './summarize/types.js';

/** What the bot knows, for the App Home tab and `whosaid` status output. */
export interface KnowledgeSummary {
  documents: {
    id: string;
    title: string;
    publisher: string | null;
    date: string | null;
    url: string | null;
    quotes: number;
  }[];
  speakers: { name: string; roles: string[]; quoteCount: number }[];
  builtAt: string;
  embedder: string;
  generation: boolean;
}

/**
 * The core operations the Slack adapter may call — and the only ones. The adapter maps Slack payloads to
 * these calls and renders what they return; it never retrieves, parses or prompts by itself.
 */
export interface BotServices {
  /** `unsolicited`: nobody asked the bot (see AskOptions). */
  ask(question: string, options?: { unsolicited?: boolean }): Promise<Answer>;
  /**
   * Streams the answer as verified text arrives, then resolves with the final answer. Only present when
   * an answer is generated (a chat model is configured); the extractive answer comes all at once.
   */
  askStream?: (question: string, onText: (text: string) => Promise<void>) => Promise<Answer>;
  /** `/quote X`: quotes by a speaker when X names one, otherwise quotes about topic X. */
  findQuotes(query: string): FindQuotesResult & { by: 'speaker' | 'topic' };
  /** `/quote check "…"`, the Check quote shortcut: is this quotation verbatim, and whose? */
  checkQuote(request: CheckRequest): QuoteCheck;
  summarize(thread: ThreadToSummarize): Promise<ThreadSummary>;
  knowledge(): KnowledgeSummary;
  /** Fetches a link into the documents and indexes it (Slack's "add"); absent when adding is off. */
  addLink?: (url: string) => Promise<AddLinkResult>;
}

/** What adding a link did: the document's title, paragraphs and quotes, or why it failed. */
export type AddLinkResult =
  | { ok: true; outcome: 'added' | 'updated' | 'unchanged'; summary: DocumentSummary }
  | { ok: false; reason: string };

/** A Slack thread as `conversations.replies` returns it, with a way to look up its people's names. */
interface ThreadToSummarize {
  messages: ThreadMessage[];
  /** The bot's own user id: its messages are left out. */
  botUserId?: string;
  /** Display names for user ids (users.info); those it leaves out fall back to message profiles. */
  lookupNames?: (userIds: string[]) => Promise<Record<string, string>>;
}

export interface BotServicesOptions {
  /** Passages retrieved and cited per answer. */
  k: number;
  /** Answer and summary generation; null or absent for the extractive (offline) bot. */
  generation?: Generation | null;
  addLink?: (url: string) => Promise<AddLinkResult>;
}

export function createBotServices(context: SearchContext, options: BotServicesOptions): BotServices {
  const generation = options.generation ?? null;
  return {
    ask: (question, askOptions) =>
      ask(context, {
        question,
        k: options.k,
        generator: generation?.answer,
        unsolicited: askOptions?.unsolicited,
      }),
    ...(generation && {
      askStream: (question: string, onText: (text: string) => Promise<void>) =>
        ask(context, { question, k: options.k, generator: generation.answer, onText }),
    }),
    findQuotes: (query) => findQuotesFor(context, query),
    checkQuote: (request) => checkQuote(context, request),
    ...(options.addLink && { addLink: options.addLink }),
    summarize: async ({ messages, botUserId, lookupNames }) => {
      const people = [...new Set(humanMessages({ messages, botUserId }).map((message) => message.user))];
      const names = lookupNames ? await lookupNames(people) : {};
      return summarize(readableThread({ messages, names, botUserId }), generation?.summary);
    },
    knowledge: () => ({
      documents: context.index.documents.map((document) => ({
        id: document.id,
        title: document.meta.title,
        publisher: document.meta.publisher ?? document.meta.source,
        date: document.meta.date,
        url: document.meta.url,
        quotes: document.quotes.filter((quote) => quote.speaker !== null).length,
      })),
      speakers: context.speakers.map((speaker) => ({
        name: speaker.name,
        roles: speaker.roles,
        quoteCount: speaker.quoteCount,
      })),
      builtAt: context.index.manifest.builtAt,
      embedder: context.index.manifest.embedder.id,
      generation: generation !== null,
    }),
  };
}
