// Finds every attribution in one paragraph and decides which one each quote gets, in the sieve order:
// adjacent attribution (1) before a colon introducer (2) before the innermost reported clause,
// "according to" or label (3, 4). A later sieve never overrides an earlier one.

import { countWords, type Range, splitSentences } from '../text/sentences.js';
import { findAfterAct } from './after-act.js';
import { findClauseActs, type Sentence } from './clause-acts.js';
import { findColonAct, findVerbBeforeAct } from './colon-acts.js';
import { opensPredicate, speakersOwnAct } from './own-predicate.js';
import { contentStart } from './paragraph-layout.js';
import { looksLikeTitle } from './quote-drafts.js';
import { type QuoteSpan, spanEnd, spanStart, withoutInnerClose } from './quote-marks.js';
import { type SpeechAct, trimClause } from './speech-act.js';

export interface ParagraphActs {
  masked: string;
  sentences: Sentence[];
  /** Every act with the sentence it belongs to, in text order. */
  acts: Array<{ act: SpeechAct; sentence: Sentence }>;
  /** The act each quote span is attributed to (by index), when one applies. */
  bySpan: Map<number, SpeechAct>;
  /** For a fragment inside someone's reported clause: the attribution that reported it. */
  via: Map<number, SpeechAct>;
  /** Spans read as quoted titles or names ("the "Starlink" program"): not quotes at all. */
  titles: Set<number>;
}

/** The paragraph with quoted words blanked out (same length), so no rule ever reads inside a quote. */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  const chars = text.split(''); // UTF-16 units, like every offset here
  for (const span of spans) {
    const from = span.open < 0 ? span.innerStart : span.open + 1;
    const to = span.close < 0 ? text.length : span.close;
    for (let i = from; i < to; i++) chars[i] = '\u2591';
  }
  return chars.join('');
}

function buildSentences(text: string, spans: readonly QuoteSpan[]): Sentence[] {
  const closing = (i: number) => {
    const span = spans.find((s) => i > spanStart(s) && i < spanEnd(s, text.length));
    return span ? span.close : undefined;
  };
  const first = contentStart(text);
  return splitSentences(text, 0, text.length, closing).map((range) => ({
    ...range,
    contentStart: range.start <= first && first < range.end ? first : range.start,
  }));
}

const inside = (span: QuoteSpan, length: number, from: number, to: number) =>
  spanStart(span) >= from - 1 && spanEnd(span, length) <= to + 1;

/** How far the act reaches, for choosing the innermost act around a quote (null: does not cover it). */
function scopeOf(act: SpeechAct, span: QuoteSpan, sentence: Sentence, length: number): number | null {
  if (act.frame === 'label') {
    return act.scopeStart !== undefined && spanStart(span) >= act.scopeStart
      ? sentence.end - act.scopeStart
      : null;
  }
  if (act.complement) {
    if (inside(span, length, act.complement.start, act.complement.end))
      return act.complement.end - act.complement.start;
    // "said drivers want more security: "Fare disputes are …"": the quote the reported clause
    // introduces with a colon is the same speaker's (clause-acts.ts ends the clause at the colon).
    const gap =
      act.colonAfter !== undefined && spanStart(span) >= act.colonAfter
        ? spanStart(span) - act.colonAfter
        : -1;
    return gap >= 0 && gap <= 3 ? sentence.end - act.complement.start : null;
  }
  return act.frame === 'according' ? sentence.end - sentence.start : null;
}

/**
 * `"…it isn't." Menon said refiners had nine days of inventory.`: a quote that closes its sentence with
 * a full stop and no comma before the next words does not take the next sentence's subject and verb as
 * its attribution when that verb goes on to report a clause of its own (news style writes `"…," Menon
 * said` for the attribution of a quote); the verb is the clause's, and the quote finds its speaker as
 * a quote without an adjacent attribution does.
 */
function reportsClauseInstead(
  text: string,
  span: QuoteSpan,
  act: SpeechAct,
  acts: ReadonlyArray<{ act: SpeechAct }>,
): boolean {
  const inner = withoutInnerClose(text.slice(span.innerStart, span.innerEnd));
  if (!/\.$/.test(inner) || /^\s*,/.test(text.slice(span.close + 1))) return false;
  return acts.some(
    ({ act: clause }) =>
      clause.frame === 'clause' &&
      clause.complement !== null &&
      clause.cueStart < act.cueEnd &&
      clause.cueEnd > act.cueStart &&
      countWords(text.slice(clause.complement.start, clause.complement.end)) >= 3,
  );
}

/** Nouns for a text whose own words a report may quote: a contract's clause, a statute, a rule. */
const WORDING_SUBJECT =
  /^(?:the|this|that|its|their|each)\s+(?:[\p{L}-]+\s+){0,2}?(?:clause|statute|law|provision|section|contract|lease|agreement|ordinance|rule|policy|amendment|regulation|wording|language|text)\b/iu;
/** "the phrase “…”", "the term “…”", "the statute’s “…” requirement": the quote names words it mentions. */
const WORDING_BEFORE =
  /\b(?:the|a|its|their)\s+(?:(?:phrase|term|terms|words?|wording|language)\s*|(?:clause|statute|law|provision|contract|lease|agreement|ordinance|rule|regulation)['’]s\s+(?:[\p{L}-]+\s+){0,2}?)$/iu;

/**
 * "The clause, the majority wrote, covers "disputes arising under this lease"": when the reported clause
 * is about a document's text, the quoted words are that text's, only mentioned (as a title is); the
 * speaker's words are the reported clause around them.
 */
function quotesWording(text: string, act: SpeechAct, span: QuoteSpan): boolean {
  const c = act.complement;
  if (!c) return false;
  const before = text.slice(c.start, spanStart(span));
  // "said the ordinance “locks it in”": a quote right after the document's noun is the predicate the
  // speaker gives it, the speaker's words; the document's own words are quoted as what it says or holds.
  const subject = WORDING_SUBJECT.exec(before);
  if (
    subject &&
    before.slice(subject[0].length).trim() === '' &&
    /^\p{Ll}/u.test(text.slice(span.innerStart))
  )
    return false;
  return subject !== null || WORDING_BEFORE.test(before);
}

export function findParagraphActs(text: string, spans: readonly QuoteSpan[], masked: string): ParagraphActs {
  const sentences = buildSentences(text, spans);
  const sentenceOf = (pos: number) =>
    sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1];
  const acts: Array<{ act: SpeechAct; sentence: Sentence }> = [];
  for (const sentence of sentences) {
    for (const act of findClauseActs(text, masked, sentence)) acts.push({ act, sentence });
  }
  const bySpan = new Map<number, SpeechAct>();
  const via = new Map<number, SpeechAct>();
  const titles = new Set<number>();
  const opensSentence = (span: QuoteSpan, s: Sentence) =>
    masked.slice(s.contentStart, spanStart(span)).trim() === '';
  const reportedClauseAround = (span: QuoteSpan, s: Sentence) =>
    acts.find(
      (a) =>
        a.sentence === s &&
        a.act.frame === 'clause' &&
        a.act.complement !== null &&
        inside(span, text.length, a.act.complement.start, a.act.complement.end),
    )?.act;
  const after = spans.map((_, i) => {
    const act = findAfterAct(text, spans, i);
    return act && !reportsClauseInstead(text, spans[i] as QuoteSpan, act, acts) ? act : null;
  });
  spans.forEach((span, i) => {
    const sentence = sentenceOf(spanStart(span));
    if (!sentence) return;
    const own = after[i];
    const partner = after[i - 1]?.spans.includes(i) ? after[i - 1] : null;
    const previousEnd = i > 0 ? spanEnd(spans[i - 1] as QuoteSpan, text.length) : 0;
    const colon = () => findColonAct(text, masked, spans, i, Math.max(sentence.contentStart, previousEnd));
    // `Rusk wrote to Pell: "… we are done." Pell replied, "…"`: words closed by a full stop end their
    // sentence, so a speaker introducing them before the colon is theirs; the name after them opens the
    // next sentence (and the next quote).
    const ended =
      own !== null && /[.…]$/.test(withoutInnerClose(text.slice(span.innerStart, span.innerEnd)).trim());
    const adjacent = (ended ? (colon() ?? own) : own) ?? partner ?? colon();
    // `… acknowledged that the audit was "a formality," the Tribune reported`: a fragment inside someone's
    // reported clause is theirs; the attribution after it only says who reported it.
    const inner = own && !opensSentence(span, sentence) ? reportedClauseAround(span, sentence) : undefined;
    const object =
      !inner && !opensSentence(span, sentence)
        ? findVerbBeforeAct(text, masked, spans, i, Math.max(sentence.contentStart, previousEnd))
        : null;
    // The source the sentence names besides the quote's own speaker only reported the words.
    const source =
      own ??
      acts.find((a) => a.sentence === sentence && a.act.frame === 'according' && a.act.spans.length === 0)
        ?.act;
    const speaking = inner ?? (object && (own || !adjacent) ? object : undefined);
    if (speaking && (own || object)) {
      bySpan.set(i, speaking);
      if (source) via.set(i, source);
      for (const act of [speaking, source])
        if (act && !acts.some((a) => a.act === act)) acts.push({ act, sentence });
      return;
    }
    if (adjacent) {
      bySpan.set(i, adjacent);
      if (!acts.some((a) => a.act === adjacent)) acts.push({ act: adjacent, sentence });
      return;
    }
    let best: { act: SpeechAct; scope: number } | null = null;
    for (const { act, sentence: s } of acts) {
      if (s !== sentence || act.spans.length > 0) continue;
      const scope = scopeOf(act, span, s, text.length);
      if (scope !== null && (!best || scope < best.scope)) best = { act, scope };
    }
    if (!best) return;
    if (
      looksLikeTitle(text, span.open, span.innerStart, span.innerEnd) ||
      quotesWording(text, best.act, span)
    )
      titles.add(i);
    else bySpan.set(i, best.act);
  });
  // A verb already read as part of an adjacent attribution is not also a reported-clause verb.
  const adjacentActs = new Set(bySpan.values());
  // A clause wholly before the adjacent act's verb ("Hartigan, who has said he will sign it, told …:")
  // is a verb of its own, inside the subject's relative clause.
  const before = (a: SpeechAct, b: SpeechAct) =>
    a.complement !== null && a.complement.end < b.cueEnd && a.cueEnd < b.cueEnd;
  const overlapsAdjacent = (a: SpeechAct) =>
    !adjacentActs.has(a) &&
    a.frame === 'clause' &&
    [...adjacentActs].some(
      (b) =>
        a.cueEnd > b.cueStart &&
        a.cueStart < b.cueEnd &&
        b.spans.length > 0 &&
        !(b.frame === 'colon' && before(a, b)),
    );
  for (let k = acts.length - 1; k >= 0; k--)
    if (overlapsAdjacent((acts[k] as { act: SpeechAct }).act)) acts.splice(k, 1);
  acts.sort((a, b) => a.act.cueStart - b.act.cueStart);
  for (const { act, sentence } of acts) {
    if (act.frame !== 'participle') continue;
    act.parent = acts
      .filter((a) => a.sentence === sentence && a.act.frame !== 'participle' && a.act.cueEnd <= act.cueStart)
      .pop()?.act;
  }
  return { masked, sentences, acts, bySpan, via, titles };
}

/** The act whose reported clause contains `act`'s cue: "…that he has a clearance, the Journal reported". */
export function enclosingAct(act: SpeechAct, acts: ParagraphActs['acts']): SpeechAct | null {
  return (
    acts
      .map((a) => a.act)
      .filter((b) => b !== act && b.complement && b.frame !== 'participle')
      .find((b) => b.complement && act.cueStart >= b.complement.start && act.cueEnd <= b.complement.end) ??
    null
  );
}

/**
 * "He said the kick should never have been given, and that his side had "switched off"": of two
 * coordinated reported clauses ("…, and that …", "…, and she …"), the one holding a quote is reported by
 * its quote (a partial quote is the direct entry), while the first, quote-free one is plain reported
 * speech: coordination joins two propositions, each with its own status.
 */
// "and that" needs no comma: the repeated complementiser alone marks a second clause of the same verb.
const COORDINATION = /(?:,\s+(?:and|but)\s+(?:that|he|she|they|it|we)|\s+(?:and|but)\s+that)\s/g;
/**
 * "… that he had the votes and would call for one "as soon as …"": "and" before a verb joins two
 * predicates of one subject, each a proposition of its own, as two clauses are.
 */
const VERB_COORDINATION = /,?\s+(?:and|but)\s+(\p{Ll}+)\s/gu;

/**
 * Where each predicate conjunct's "and" begins and where its verb does; a tail's conjuncts leave out
 * the speaker's own acts (speakersOwnAct).
 */
function predicateJoints(masked: string, c: Range, tail: boolean): { end: number; start: number }[] {
  return [...masked.slice(c.start, c.end).matchAll(VERB_COORDINATION)]
    .filter((m) => opensPredicate(m[1] ?? ''))
    .filter((m) => !tail || !speakersOwnAct(m[1] ?? '', masked.slice(c.start, c.start + m.index)))
    .map((m) => ({
      end: c.start + m.index,
      start: c.start + m.index + m[0].length - (m[1]?.length ?? 0) - 1,
    }));
}

function quoteFreeHead(
  masked: string,
  c: Range,
  overlaps: (from: number, to: number) => boolean,
): Range | null {
  const clauses = [...masked.slice(c.start, c.end).matchAll(COORDINATION)].map((m) => c.start + m.index);
  const ends = [...clauses, ...predicateJoints(masked, c, false).map((joint) => joint.end)].sort(
    (a, b) => a - b,
  );
  for (const end of ends) {
    if (overlaps(c.start, end)) return null;
    if (overlaps(end, c.end)) return trimClause(masked, c.start, end);
  }
  return null;
}

/**
 * ", and" or ", but" right before a clause's subject: the clause is a conjunct of its own. So is a
 * concessive or contrastive clause (", though he cautioned that …", "while she warned …"): its own
 * speaker and reporting verb make it the writer's second report, set against the first, not part of it.
 */
const CONJUNCT_BEFORE = /,?\s+(?:and|but|though|although|while|whereas|even\s+though|even\s+as)\s+$/;

/**
 * "The co-op said all of them would be offered jobs, and a union steward said workers had been told the
 * same": a clause coordinated after the reported one, with a subject and reporting verb of its own, is a
 * second report, not part of the first — coordination joins two independent clauses. The first report
 * ends before the conjunction; null when the other attribution sits inside the clause otherwise (then
 * the clause holds someone else's report: "…that he has a clearance, the Journal reported").
 */
function coordinatedReportStart(masked: string, c: Range, inner: readonly SpeechAct[]): Range | null {
  const first = inner.reduce((a, b) => (b.cueStart < a.cueStart ? b : a));
  const subject = first.np?.start ?? first.cueStart;
  if (subject <= c.start) return null;
  const conjunct = CONJUNCT_BEFORE.exec(masked.slice(c.start, subject));
  if (!conjunct) return null;
  const cut = trimClause(masked, c.start, subject - conjunct[0].length);
  return cut.end > cut.start ? cut : null;
}

/** ", and that" / ", but that": a second reported clause of the same verb begins. */
const SECOND_CLAUSE = /,?\s+(?:and|but)\s+that\s+/g;

/**
 * "…told the station that the growers would keep the road closed "for as long as the vines are
 * thirsty," and that trucks would be let through every six hours": the second of two coordinated
 * reported clauses, quote-free after one holding a quote, is plain reported speech of its own.
 */
function quoteFreeTail(
  masked: string,
  c: Range,
  overlaps: (from: number, to: number) => boolean,
): Range | null {
  const clauses = [...masked.slice(c.start, c.end).matchAll(SECOND_CLAUSE)].map(
    (m) => c.start + m.index + m[0].length,
  );
  const starts = [...clauses, ...predicateJoints(masked, c, true).map((joint) => joint.start)].sort(
    (a, b) => a - b,
  );
  const start = starts.at(-1);
  if (start === undefined || overlaps(start, c.end) || !overlaps(c.start, start)) return null;
  return { start, end: c.end };
}

export interface IndirectAct {
  act: SpeechAct;
  /** The words reported as indirect speech: the act's clause, or its quote-free first conjunct. */
  range: Range;
}

/** Reported clauses to report as indirect speech: no quote inside and no other attribution inside. */
export function indirectActs(pa: ParagraphActs, spans: readonly QuoteSpan[], length: number): IndirectAct[] {
  const overlaps = (from: number, to: number) =>
    spans.some((s, i) => !pa.titles.has(i) && spanStart(s) < to && spanEnd(s, length) > from);
  return pa.acts.flatMap(({ act }) => {
    const complement = act.complement;
    if (!complement || act.frame === 'label' || act.frame === 'colon' || act.frame === 'after') return [];
    if (act.inReport) return [];
    const inner = pa.acts
      .map(({ act: b }) => b)
      .filter(
        (b) => b !== act && !b.inReport && b.cueStart >= complement.start && b.cueEnd <= complement.end,
      );
    const c = inner.length > 0 ? coordinatedReportStart(pa.masked, complement, inner) : complement;
    if (!c) return [];
    if (!overlaps(c.start, c.end)) return [{ act, range: c }];
    const head = quoteFreeHead(pa.masked, c, overlaps) ?? quoteFreeTail(pa.masked, c, overlaps);
    return head ? [{ act, range: head }] : [];
  });
}
