import { ask } from './answer/ask.js';
import {
  type FindQuotesOptions,
  type FindQuotesResult,
  findQuotes,
  findQuotesFor,
} from './answer/find-quotes.js';
import { type ConversationTurn, type FollowUp, resolveFollowUp } from './answer/follow-up-question.js';
import { type Passage, passageOf } from './answer/passage.js';
import type { DateRange } from './answer/question-dates.js';
import { prepareScope, withinScope } from './answer/scoped-context.js';
import type { SearchContext } from './answer/search-context.js';
import { sourcesFollowUp } from './answer/source-follow-up.js';
import {
  type CorpusOutline,
  type SuggestedQuestion,
  suggestedQuestions,
  suggestedSpeakers,
} from './answer/suggested-questions.js';
import type { Answer } from './answer/types.js';
import { type CheckRequest, checkQuote } from './check/check-quote.js';
import type { QuoteCheck } from './check/types.js';
import type { Scope } from './collections/scope.js';
import type { DocumentSummary } from './fetch/document-summary.js';
import type { FollowFeedResult } from './fetch/follow-feed.js';
import { type CollectionStats, collectionStats } from './index/collection-stats.js';
import type { IngestReport } from './index/ingest.js';
import type { LiveIndex } from './index/live-index.js';
import { indexCollections } from './index/restrict-index.js';
import type { Generation } from './llm/generation.js';
import { findSpeakersInText } from './quotes/find-speakers-in-text.js';
import { isPersonLike } from './quotes/speaker-names.js';
import { readableThread } from './slack/slack-text.js';
import { humanMessages } from './summarize/summarize-thread.js';
import { summarize } from './summarize/summarize-with-fallback.js';
import type { ThreadMessage, ThreadSummary } from './summarize/types.js';
import { firstNameGender } from './text/word-lexicon.js';

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
  /** The collections these documents belong to, with their counts. */
  collections: CollectionStats[];
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
  findQuotes(query: string): Promise<FindQuotesResult & { by: 'speaker' | 'topic'; dates: DateRange | null }>;
  /** Quotes by a speaker and/or about a topic (both optional), as `whosaid quotes` lists them. */
  quotes(options: FindQuotesOptions): Promise<FindQuotesResult>;
  /** One whole paragraph of a document (what a citation points at), or null when there is none. */
  passage(doc: string, paragraph: number): Promise<Passage | null>;
  /** `/quote check "…"`, the Check quote shortcut: is this quotation verbatim, and whose? */
  checkQuote(request: CheckRequest): Promise<QuoteCheck>;
  summarize(thread: ThreadToSummarize): Promise<ThreadSummary>;
  knowledge(): KnowledgeSummary;
  /**
   * Re-reads the corpus (a feed refresh, a document added from Slack) into a new index generation,
   * built in the background and swapped in when complete; resolves after the swap. Present when the
   * services run over a live index (`whosaid serve`).
   */
  refreshIndex?: () => Promise<IngestReport>;
  /** Up to four questions the documents answer, drawn from what they hold (Slack's suggested prompts). */
  suggestedQuestions(): Promise<SuggestedQuestion[]>;
  /** A follow-up read against the conversation before it (a pronoun or "and …?" written out), or as asked. */
  resolveFollowUp(question: string, turns: readonly ConversationTurn[]): FollowUp;
  /**
   * A follow-up about the documents the previous answer cited ("which letter was that?", "when was that
   * published?"), answered from their metadata; null when it is not one (then it is asked as usual).
   */
  answerAboutSources(question: string, turns: readonly ConversationTurn[]): Promise<Answer | null>;
  /**
   * Fetches a link into the documents and indexes it (Slack's "add"); absent when adding is off.
   * Within a scope, the document goes into the scope's first collection.
   */
  addLink?: (url: string) => Promise<AddLinkResult>;
  /**
   * Follows an RSS or Atom feed (Slack's "follow"); absent when adding is off. Within a scope its
   * articles go into the scope's first collection.
   */
  followFeed?: (url: string) => Promise<FollowFeedOutcome>;
  /** The feeds followed and when each was last checked (App Home); absent without a feed list. */
  feeds?: () => Promise<FeedStatus[]>;
  /**
   * The same services reading only `scope`'s collections (a Slack channel's bindings): every
   * answer, quote, check, passage, suggestion and the knowledge summary come from them alone.
   */
  within(scope: Scope): BotServices;
  /**
   * Builds what this scope's questions are read with (its documents, speakers, aliases, word tables)
   * in slices, if not built yet; resolves at once without a scope. The bot calls it before a request's
   * work, so a channel's first question never holds the event loop while the build runs.
   */
  prepare(): Promise<void>;
  /** The scope these services read (undefined: every collection). */
  readonly scope: Scope | undefined;
}

/** One followed feed, as the App Home lists it. */
export interface FeedStatus {
  url: string;
  title: string | null;
  /** When the feed was last fetched (ISO time), null before the first refresh. */
  lastCheckedAt: string | null;
  /** The collection its articles go into. */
  collection: string;
}

/** A feed followed, and when its articles come: `refreshMinutes` between refreshes (0: only `ingest --feeds`). */
interface FeedFollowed extends FollowFeedResult {
  ok: true;
  refreshMinutes: number;
}

/** What following a feed did, or why it failed. */
export type FollowFeedOutcome = FeedFollowed | { ok: false; reason: string };

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
  /** Rebuilds the live index (see BotServices.refreshIndex). */
  refreshIndex?: () => Promise<IngestReport>;
  /** Adds a link into `collection` (absent: `news`, the fetched-documents folder). */
  addLink?: (url: string, collection?: string) => Promise<AddLinkResult>;
  /** Follows a feed whose articles go into `collection` (absent: `news`). */
  followFeed?: (url: string, collection?: string) => Promise<FollowFeedOutcome>;
  feeds?: () => Promise<FeedStatus[]>;
  /** Today's date for "since Monday", "last week" in questions; the system clock unless a test sets one. */
  now?: () => Date;
}

/**
 * Over one fixed search context, or over a live index whose generation may change between calls: each
 * call then runs, to its end, on the generation current when it started.
 */
export function createBotServices(
  source: SearchContext | Pick<LiveIndex<unknown, SearchContext>, 'use'>,
  options: BotServicesOptions,
  scope?: Scope,
): BotServices {
  const generation = options.generation ?? null;
  // The services are the edge where the clock is read; core functions take the date as an argument.
  const now = options.now ?? (() => new Date());
  // The generation current when a call starts, whole (not yet narrowed to the scope).
  const current = <R>(work: (context: SearchContext) => R): R =>
    'use' in source ? source.use(work) : work(source);
  const use = <R>(work: (context: SearchContext) => R): R =>
    current((context) => work(withinScope(context, scope)));
  const addLink = options.addLink;
  const followFeed = options.followFeed;
  // What is added from a channel goes into its first collection; a scope that reads nothing (every
  // binding unreadable here) has nowhere to add to.
  const intoScope = async <R>(
    work: (collection: string | undefined) => Promise<R>,
  ): Promise<R | { ok: false; reason: string }> =>
    scope && scope.collections.length === 0
      ? { ok: false, reason: 'this channel reads no collection this workspace may add to' }
      : work(scope?.collections[0]);
  return {
    scope,
    prepare: () => current((context) => prepareScope(context, scope)),
    // A scope that covers every collection of the index restricts nothing: these very services (so a
    // wrapper that spreads them, adding its own methods, stays itself).
    within(inner: Scope): BotServices {
      const covered = (context: SearchContext) =>
        indexCollections(context.index).every((name) => inner.collections.includes(name));
      const everything = 'use' in source ? source.use(covered) : covered(source);
      return everything && scope === undefined ? this : createBotServices(source, options, inner);
    },
    ask: (question, askOptions) =>
      use((context) =>
        ask(context, {
          question,
          k: options.k,
          generator: generation?.answer,
          unsolicited: askOptions?.unsolicited,
          now: now(),
        }),
      ),
    ...(generation && {
      askStream: (question: string, onText: (text: string) => Promise<void>) =>
        use((context) =>
          ask(context, { question, k: options.k, generator: generation.answer, onText, now: now() }),
        ),
    }),
    ...(options.refreshIndex && { refreshIndex: options.refreshIndex }),
    findQuotes: (query) => use((context) => findQuotesFor(context, query, now())),
    quotes: (quoteOptions) => use((context) => findQuotes(context, quoteOptions)),
    passage: (doc, paragraph) => use((context) => passageOf(context, doc, paragraph)),
    checkQuote: (request) => use((context) => checkQuote(context, request)),
    ...(addLink && { addLink: (url: string) => intoScope((collection) => addLink(url, collection)) }),
    ...(followFeed && {
      followFeed: (url: string) => intoScope((collection) => followFeed(url, collection)),
    }),
    ...(options.feeds && { feeds: options.feeds }),
    summarize: async ({ messages, botUserId, lookupNames }) => {
      const people = [...new Set(humanMessages({ messages, botUserId }).map((message) => message.user))];
      const names = lookupNames ? await lookupNames(people) : {};
      return summarize(readableThread({ messages, names, botUserId }), generation?.summary);
    },
    suggestedQuestions: () => use(async (context) => suggestedQuestions(await outlineOf(context))),
    resolveFollowUp: (question, turns) =>
      use((context) =>
        // People only: "SpaceX" in "what did he say about SpaceX?" is a topic, not who "he" is.
        resolveFollowUp(
          question,
          turns,
          (text) => findSpeakersInText(text, context.speakers).filter(isPersonLike),
          // A known first name tells the gender a pronoun must agree with (compromise's name lexicon).
          (name) => firstNameGender(name.split(/\s+/)[0] ?? ''),
        ),
      ),
    answerAboutSources: (question, turns) => use((context) => sourcesFollowUp(context, question, turns)),
    knowledge: () => use((context) => knowledgeOf(context, generation !== null)),
  };
}

function knowledgeOf(context: SearchContext, generation: boolean): KnowledgeSummary {
  return {
    documents: context.index.documents.map((document) => ({
      id: document.id,
      title: document.meta.title,
      publisher: document.meta.publisher ?? document.meta.source,
      date: document.meta.date,
      url: document.meta.url,
      quotes: context.quotes.attributed(document),
    })),
    speakers: context.speakers.map((speaker) => ({
      name: speaker.name,
      roles: speaker.roles,
      quoteCount: speaker.quoteCount,
    })),
    collections: collectionStats(context.index.documents, [], context.quotes.attributed),
    builtAt: context.index.manifest.builtAt,
    embedder: context.index.manifest.embedder.id,
    generation,
  };
}

/**
 * What suggestions are drawn from: the documents, and the quotes of the speakers they are made for
 * only, found by the quote store. How many quotes each speaker has is the directory's count (an
 * entry counts its name's quotes, and one name may have several entries: several people).
 */
async function outlineOf(context: SearchContext): Promise<CorpusOutline> {
  const counts = new Map<string, number>();
  for (const entry of context.speakers)
    counts.set(entry.name, (counts.get(entry.name) ?? 0) + entry.quoteCount);
  const chosen = suggestedSpeakers(counts);
  const bySpeaker = new Map<string, { text: string; title: string }[]>();
  const found = await context.quotes.bySpeakers(context.index.documents, { speakers: chosen, members: [] });
  for (const { document, quote } of found) {
    if (quote.speaker === null || !chosen.includes(quote.speaker)) continue;
    const said = bySpeaker.get(quote.speaker) ?? [];
    said.push({ text: quote.text, title: document.meta.title });
    bySpeaker.set(quote.speaker, said);
  }
  return {
    documents: context.index.documents.map((document) => ({
      title: document.meta.title,
      date: document.meta.date,
    })),
    speakers: [...bySpeaker].map(([name, quotes]) => ({ name, quotes })),
  };
}
