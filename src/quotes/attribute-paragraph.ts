// One paragraph, in reading order: resolve the attributions found by `findParagraphActs`, give each
// quote its speaker (or continue the previous one: sieve 5) and report reported clauses as indirect
// speech. Cross-paragraph state (open multi-paragraph quotes, introducers) lives in `DocumentState`.

import { countWords, type Range } from '../text/sentences.js';
import { isClauseWord } from '../text/word-lexicon.js';
import { findIntroducerAct } from './colon-acts.js';
import { CONTINUED_QUOTE, INTRODUCED_BLOCK, INTRODUCED_QUOTE, STANDALONE_QUOTE } from './confidence.js';
import { readNounPhrase } from './noun-phrase.js';
import {
  enclosingAct,
  findParagraphActs,
  indirectActs,
  maskQuotes,
  type ParagraphActs,
} from './paragraph-acts.js';
import { blockQuoteStart, isBullet } from './paragraph-layout.js';
import { saidToOf, saidWhenOf } from './provenance.js';
import { type Chain, type Draft, settleChain } from './quote-drafts.js';
import { findQuoteSpans, type QuoteSpan, spanEnd, spanStart, withoutInnerClose } from './quote-marks.js';
import { confidenceOf, resolveActs } from './resolve-acts.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import { cutUnpairedDash, type Sentence, type SpeechAct, trimClause } from './speech-act.js';
import type { ParagraphInput } from './types.js';

export interface DocumentState {
  /** The previous paragraph ended inside an open quote. */
  carriedOpen: boolean;
  chain: Chain | null;
  /** "X today issued the following statement:" waiting for its quote (or bullets). */
  introducer: { speaker: Speaker; cue: string } | null;
  /** Speaker of the last attribution in the previous paragraph. */
  previousSpeaker: Speaker | null;
  /** The previous paragraph's last quote: who, with what cue, and whether it asked something. */
  previousTurn?: { speaker: Speaker; cue: string | null; question: boolean } | null;
  /** Two people in a question-and-answer exchange, whose untagged quotes alternate (exchangeAfter). */
  exchange?: { a: Speaker; b: Speaker } | null;
}

/** Cues of an answer: a quote so introduced replies to the one before it. */
const REPLY_CUES = new Set(['answered', 'replied', 'responded', 'countered', 'shot back', 'retorted']);

/**
 * The exchange after a paragraph whose last quote is `turn`: a question by one person followed by
 * another's answer (or a quote introduced as a reply) opens one — untagged quotes after it alternate
 * between the two, as dialogue does, rather than going on with the last speaker; a quote by either
 * keeps it, anyone else's ends it.
 */
function exchangeAfter(state: DocumentState, turn: DocumentState['previousTurn']): DocumentState['exchange'] {
  const before = state.previousTurn;
  if (!turn) return state.exchange ?? null;
  const party = (speaker: Speaker) =>
    state.exchange && [state.exchange.a.name, state.exchange.b.name].includes(speaker.name);
  if (party(turn.speaker)) return state.exchange ?? null;
  const people = before && before.speaker.kind === 'person' && turn.speaker.kind === 'person';
  if (
    people &&
    before.speaker.name !== turn.speaker.name &&
    (before.question || REPLY_CUES.has(turn.cue ?? ''))
  )
    return { a: before.speaker, b: turn.speaker };
  return null;
}

interface Context {
  paragraph: ParagraphInput;
  state: DocumentState;
  pa: ParagraphActs;
  spans: QuoteSpan[];
  speakers: Map<SpeechAct, Speaker | null>;
  subjects: Map<Sentence, Speaker | null>;
  resolver: SpeakerResolver;
  drafts: Draft[];
}

function draft(ctx: Context, fields: Omit<Draft, 'paragraph'>): Draft {
  const d: Draft = { paragraph: ctx.paragraph, ...fields };
  ctx.drafts.push(d);
  return d;
}

/** Who the act's words were said to and when, as the attribution gives them. */
function provenance(
  ctx: Context,
  act: SpeechAct | undefined,
  speaker: Speaker | null,
): Pick<Draft, 'saidTo' | 'when'> {
  if (!act) return { saidTo: null, when: null };
  const { paragraph, pa } = ctx;
  const where = { pos: paragraph.start + act.cueStart, paragraph: paragraph.number };
  const subjectOf = (s: Sentence) => ctx.subjects.get(s) ?? null;
  return {
    saidTo: saidToOf(paragraph.text, act, ctx.resolver, where),
    when: saidWhenOf(pa.masked, pa.sentences, act, subjectOf, speaker),
  };
}

function viaOf(ctx: Context, act: SpeechAct): string | null {
  const outer = enclosingAct(act, ctx.pa.acts);
  return outer ? (ctx.speakers.get(outer)?.name ?? null) : null;
}

/**
 * "Then, a moment later: “…”": a few words of time or manner and a colon, with no subject or verb of
 * their own, introduce more words of whoever spoke last — they name no one else.
 */
function adverbialLeadIn(prefix: string): boolean {
  const trimmed = prefix.trim();
  if (!trimmed.endsWith(':')) return false;
  const words = trimmed
    .slice(0, -1)
    .split(/[\s,]+/)
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= MAX_LEAD_IN_WORDS &&
    words.every((word, i) => !isClauseWord(word) && (i === 0 || !/^\p{Lu}/u.test(word)))
  );
}

const MAX_LEAD_IN_WORDS = 6;

/**
 * A quote that may continue someone: it reads like speech ("…." / "…,", not a quoted title) and is a
 * sentence of its own (nothing but the quote, punctuation or a trailing "and" in its sentence, or after a
 * lead-in of time or manner).
 */
function standsAlone(ctx: Context, span: QuoteSpan): boolean {
  const { text } = ctx.paragraph;
  const speech =
    span.close < 0 ||
    span.continued ||
    /[.!?,…\u2014\u2013-]$/.test(withoutInnerClose(text.slice(span.innerStart, span.innerEnd)));
  return (
    speech &&
    ctx.pa.sentences.some(
      (s) =>
        spanStart(span) >= s.start &&
        spanStart(span) < s.end &&
        (text.slice(s.contentStart, spanStart(span)).trim() === '' ||
          adverbialLeadIn(text.slice(s.contentStart, spanStart(span)))) &&
        /^[^\p{L}\p{N}]*(?:(?:and|or)\b[^\p{L}\p{N}]*)?$/u.test(
          ctx.pa.masked.slice(spanEnd(span, text.length), s.end),
        ),
    )
  );
}

/**
 * The speaker of the last reported clause whose sentence ends before `at`, with where it was said;
 * null when that sentence's attribution names no one.
 */
function reporterBefore(ctx: Context, at: number): { speaker: Speaker; pos: number } | null {
  const before = ctx.pa.acts.filter(({ act, sentence }) => act.frame === 'clause' && sentence.end <= at);
  const last = before[before.length - 1];
  const speaker = last ? (ctx.speakers.get(last.act) ?? null) : null;
  return last && speaker ? { speaker, pos: last.act.cueStart } : null;
}

/**
 * The person an action beat names: the subject of the sentence right after the quote's, written as a
 * name (not "he" or "she", which only continue whoever was meant before). A quote followed by what
 * its speaker does is how features and profiles attribute words without a verb of speech; only a
 * person can be the beat's subject (an organisation does not knead or hesitate).
 */
function beatAfter(ctx: Context, span: QuoteSpan): Speaker | null {
  const { sentences } = ctx.pa;
  const at = sentences.findIndex((s) => spanStart(span) >= s.start && spanStart(span) < s.end);
  const next = at >= 0 ? sentences[at + 1] : undefined;
  // A sentence reporting speech of its own attributes that speech, not the quote before it.
  if (!next || ctx.pa.acts.some(({ sentence }) => sentence === next)) return null;
  const subject = ctx.subjects.get(next) ?? null;
  const first = /^\s*(\p{L}+)/u.exec(ctx.paragraph.text.slice(next.contentStart))?.[1] ?? '';
  if (subject?.kind !== 'person' || !/^\p{Lu}/u.test(first) || PRONOUNS.has(first.toLowerCase())) return null;
  return subject;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** "The shout came from …", "That question came from …": an utterance's noun and where it came from. */
const CAME_FROM =
  /^\s*(?:The|That|This|The\s+first|The\s+next)\s+(?:\p{Ll}+\s+)?(?:shout|cry|call|reply|question|remark|comment|voice|words|answer|heckle|jeer|cheer|response)\s+came\s+from\b/u;

/**
 * Who the sentence right after the quote's says the words came from: the person or body it names,
 * "someone near the back of the crowd" for "somewhere near the back of the crowd" (English places an
 * unseen speaker by where the voice was), null when it names no one; undefined when it does not say.
 */
function cameFrom(ctx: Context, span: QuoteSpan): Speaker | null | undefined {
  const { sentences } = ctx.pa;
  const { text, start, number } = ctx.paragraph;
  const at = sentences.findIndex((s) => spanStart(span) >= s.start && spanStart(span) < s.end);
  const next = at >= 0 ? sentences[at + 1] : undefined;
  const match = next ? CAME_FROM.exec(text.slice(next.contentStart, next.end)) : null;
  if (!next || !match) return undefined;
  const from = next.contentStart + match[0].length;
  const place =
    /^\s+somewhere\s+((?:in|near|at|from|on|behind|inside|outside)\s+[^,;.!?]{1,60}?)(?=\s+(?:when|as|after|while|before|because|during|until)\b|[,;.!?]|$)/u.exec(
      text.slice(from, next.end),
    );
  if (place?.[1])
    return { name: `someone ${place[1].trim()}`, role: null, members: [], kind: 'person', unnamed: true };
  const np = readNounPhrase(text, from);
  return np ? ctx.resolver.resolve(np, { pos: start + np.start, paragraph: number }) : null;
}

/**
 * The person an action beat before the quote names: "She laughed when I brought up Cray. “Everyone
 * asks …”" — a sentence with a person as its subject and no speech or quote of its own, right before
 * a quote sentence of the same paragraph, stages who speaks next (the mirror of `beatAfter`). Here a
 * pronoun subject counts: it carries the person the text was already about into the beat.
 */
function beatBefore(ctx: Context, span: QuoteSpan): Speaker | null {
  const { sentences } = ctx.pa;
  const at = sentences.findIndex((s) => spanStart(span) >= s.start && spanStart(span) < s.end);
  const previous = at > 0 ? sentences[at - 1] : undefined;
  if (!previous || ctx.pa.acts.some(({ sentence }) => sentence === previous)) return null;
  if (ctx.spans.some((other) => spanStart(other) >= previous.start && spanStart(other) < previous.end))
    return null;
  const subject = ctx.subjects.get(previous) ?? pronounSubject(ctx, previous);
  return subject?.kind === 'person' ? subject : null;
}

/** "She laughed …": the person a sentence-initial "he" or "she" continues, as the resolver reads it. */
function pronounSubject(ctx: Context, sentence: Sentence): Speaker | null {
  const { text, start, number } = ctx.paragraph;
  const pronoun = /^\s*(He|She)\b/.exec(text.slice(sentence.contentStart));
  if (!pronoun?.[1]) return null;
  const at = sentence.contentStart + pronoun[0].length - pronoun[1].length;
  const np = {
    kind: 'pronoun',
    start: at,
    end: at + pronoun[1].length,
    text: pronoun[1].toLowerCase(),
  } as const;
  return ctx.resolver.resolve(np, { pos: start + at, paragraph: number });
}

/** Direct quotes: own attribution first, then a multi-paragraph chain, then continuations. Returns the open chain. */
function quoteDrafts(ctx: Context): Chain | null {
  const { state, pa, paragraph } = ctx;
  let chain: Chain | null = null;
  ctx.spans.forEach((span, i) => {
    const act = pa.bySpan.get(i);
    let speaker = act ? (ctx.speakers.get(act) ?? null) : null;
    let cue = act?.cue ?? null;
    let confidence = act ? confidenceOf(act, false) : 0;
    const reporter = pa.via.get(i);
    const via = reporter ? (ctx.speakers.get(reporter)?.name ?? null) : act ? viaOf(ctx, act) : null;
    let origin = provenance(ctx, act, speaker);
    const named = speaker !== null && act?.np != null && act.np.kind !== 'pronoun';
    if (!speaker && span.continued && state.chain) {
      ({ speaker, cue } = state.chain);
      confidence = CONTINUED_QUOTE;
      origin = { saidTo: state.chain.drafts[0]?.saidTo ?? null, when: state.chain.drafts[0]?.when ?? null };
    } else if (!speaker && !act && standsAlone(ctx, span)) {
      const earlier = ctx.drafts.filter((d) => d.speaker && d.start < span.innerStart).pop();
      // A quote continuing the same paragraph's speaker was said on the same occasion.
      if (earlier) origin = { saidTo: earlier.saidTo ?? null, when: earlier.when ?? null };
      // Only a quote that opens the paragraph continues the previous paragraph's speaker (or introducer).
      const opens =
        i === 0 && paragraph.text.slice(pa.sentences[0]?.contentStart ?? 0, spanStart(span)).trim() === '';
      const introduced = !earlier && opens && state.introducer !== null;
      // "Oduro said he had seen the keeper drift. "So I went far post."": a quote sentence after a
      // sentence of reported speech goes on with its speaker, like one after a quote.
      const reported = opens ? null : reporterBefore(ctx, spanStart(span));
      const latest = reported && (!earlier || reported.pos > earlier.start) ? reported.speaker : null;
      // "“We fought about it for a month.” Lucía Ortiz is kneading now.": with no attribution of its
      // own, a person named as the subject of the sentence right after the quote is its speaker.
      // A beat on either side; two that name different people leave the quote to the other cues.
      const after = latest || earlier ? null : beatAfter(ctx, span);
      const before = latest || earlier || opens ? null : beatBefore(ctx, span);
      const beat = after && before && after.name !== before.name ? null : (after ?? before);
      // In an exchange, a paragraph that opens on an untagged quote is the other party's turn.
      const exchange = state.exchange;
      const previous = state.previousSpeaker?.name;
      const turn =
        opens && !introduced && !latest && !earlier && !beat && exchange && previous
          ? previous === exchange.a.name
            ? exchange.b
            : previous === exchange.b.name
              ? exchange.a
              : null
          : null;
      // "“Shame!” The shout came from somewhere near the back": the sentence after says whose the
      // words were, so they are no one's continuation — nobody's, when it names no one.
      const sourced = latest || earlier || beat ? undefined : cameFrom(ctx, span);
      speaker =
        sourced !== undefined
          ? sourced
          : (turn ??
            latest ??
            earlier?.speaker ??
            beat ??
            (opens ? (state.introducer?.speaker ?? state.previousSpeaker) : null));
      cue = turn ? 'turn-taking' : introduced && !beat ? (state.introducer?.cue ?? null) : 'continuation';
      confidence = introduced ? INTRODUCED_QUOTE : STANDALONE_QUOTE;
    }
    const d = draft(ctx, {
      kind: 'direct',
      start: span.innerStart,
      end: span.innerEnd,
      speaker,
      via,
      cue,
      confidence,
      named,
      ...origin,
    });
    if (span.continued && state.chain) {
      d.chain = state.chain;
      state.chain.drafts.push(d);
      settleChain(state.chain, speaker, cue);
      d.speaker ??= state.chain.speaker;
    }
    if (span.close < 0 && !span.single) {
      chain = span.continued && state.chain ? state.chain : { speaker, cue, drafts: [d] };
      d.chain = chain;
    }
  });
  return chain;
}

/** Fewer words than this after "said that" is a fragment ("said so"), not a reported statement. */
const MIN_REPORTED_WORDS = 3;

/**
 * "The plan, Pike said, will close the gap": an attribution inside the sentence splits the reported
 * words in two, like a split quote, and the attribution itself is not part of what was said.
 */
function reportedParts(text: string, act: SpeechAct, range: Range): Range[] {
  const inside = act.frame === 'middle' || act.frame === 'according';
  if (!inside || act.cueStart <= range.start || act.cueEnd >= range.end) return [range];
  const head = trimClause(text, range.start, act.cueStart);
  let tail = trimClause(text, act.cueEnd + 1, range.end);
  // "…, according to the company, and the rest will stay": the conjunction joins the two clauses and
  // belongs to neither.
  const conjunction = /^(?:and|but)\s+/.exec(text.slice(tail.start, tail.end));
  if (conjunction) tail = { ...tail, start: tail.start + conjunction[0].length };
  return head.end > head.start && tail.end > tail.start ? [head, tail] : [range];
}

function indirectDrafts(ctx: Context): void {
  const { text } = ctx.paragraph;
  for (const { act, range: reported } of indirectActs(ctx.pa, ctx.spans, text.length)) {
    const speaker = ctx.speakers.get(act) ?? null;
    const range = cutUnpairedDash(text, reported);
    if (!speaker || !range || countWords(text.slice(range.start, range.end)) < MIN_REPORTED_WORDS) continue;
    const confidence = confidenceOf(act, true);
    const via = viaOf(ctx, act);
    for (const part of reportedParts(text, act, range)) {
      draft(ctx, {
        kind: 'indirect',
        ...part,
        speaker,
        via,
        cue: act.cue,
        confidence,
        ...provenance(ctx, act, speaker),
      });
    }
  }
}

/**
 * Bullets under "X wrote:" are X's points; a bare paragraph after "the following statement:" is the
 * statement; a block quote ("> …") under "X wrote:" is X's words, verbatim.
 */
function introducedDrafts(ctx: Context, bullet: boolean, block: number | null): void {
  const introducer = ctx.state.introducer;
  if (!introducer || ctx.spans.length > 0 || ctx.drafts.length > 0) return;
  const { text } = ctx.paragraph;
  if (block !== null) {
    const end = text.trimEnd().length;
    draft(ctx, {
      kind: 'direct',
      start: block,
      end,
      speaker: introducer.speaker,
      via: null,
      cue: 'introducer',
      confidence: INTRODUCED_BLOCK,
    });
    return;
  }
  const start = ctx.pa.sentences[0]?.contentStart ?? 0;
  const statement = introducer.cue === 'statement' && !bullet;
  if (!bullet && !statement) return;
  const end = statement ? text.trimEnd().length : trimClause(text, start, text.length).end;
  const kind = statement ? 'direct' : 'indirect';
  draft(ctx, {
    kind,
    start,
    end,
    speaker: introducer.speaker,
    via: null,
    cue: 'introducer',
    confidence: INTRODUCED_BLOCK,
  });
}

export function attributeParagraph(
  paragraph: ParagraphInput,
  state: DocumentState,
  resolver: SpeakerResolver,
): Draft[] {
  const { text, number } = paragraph;
  const { spans, endsOpen } = findQuoteSpans(text, state.carriedOpen);
  const pa = findParagraphActs(text, spans, maskQuotes(text, spans));
  const { speakers, subjects } = resolveActs({ paragraph, pa, spans }, resolver);
  const ctx: Context = { paragraph, state, pa, spans, speakers, subjects, resolver, drafts: [] };
  const chain = quoteDrafts(ctx);
  indirectDrafts(ctx);
  const bullet = isBullet(text);
  const block = blockQuoteStart(text);
  introducedDrafts(ctx, bullet, block);

  const last = pa.sentences[pa.sentences.length - 1];
  const introducer = findIntroducerAct(text, pa.masked, last?.contentStart ?? 0);
  const pos = paragraph.start + (introducer?.cueStart ?? 0);
  const introducerSpeaker = introducer?.np
    ? resolver.resolve(introducer.np, { pos, paragraph: number })
    : null;
  if (introducerSpeaker) resolver.noteSpeaker(introducerSpeaker, pos, number);
  if (introducer && introducerSpeaker) state.introducer = { speaker: introducerSpeaker, cue: introducer.cue };
  // Bullets and the paragraphs of a block quote keep their introducer; so does a block quote's sign-off.
  else if (!bullet && !/^\s*>/.test(text)) state.introducer = null;
  state.carriedOpen = endsOpen;
  state.chain = endsOpen ? chain : null;
  state.previousSpeaker = ctx.drafts.filter((d) => d.speaker).pop()?.speaker ?? null;
  const lastQuote = ctx.drafts.filter((d) => d.speaker && d.kind === 'direct').pop();
  const turn = lastQuote?.speaker
    ? {
        speaker: lastQuote.speaker,
        cue: lastQuote.cue,
        question: /\?\s*$/.test(
          text.slice(lastQuote.start - paragraph.start, lastQuote.end - paragraph.start),
        ),
      }
    : null;
  state.exchange = exchangeAfter(state, turn);
  if (turn) state.previousTurn = turn;
  return ctx.drafts;
}
