// `npm run eval`: scores quote extraction against the labelled files in test/fixtures/*.quotes.json.
// Matching is by text overlap (quoteOverlap ≥ 0.6: lowercased words, punctuation and quote style
// ignored) within the same document and kind. Precision is only computed where the gold is exhaustive
// (a file with a top-level "doc" and its "quotes"); other files list some quotes and give recall only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../src/corpus/load-document.js';
import { extractQuotes } from '../src/quotes/extract-quotes.js';
import type { Quote, QuoteKind } from '../src/quotes/types.js';
import { OVERLAP_THRESHOLD, quoteOverlap } from './lib/quote-overlap.js';

interface GoldQuote {
  doc: string;
  kind: QuoteKind;
  speakers: string[];
  text: string;
}

interface Tally {
  gold: number;
  found: number;
  reported: number;
  correctReported: number;
  speakerRight: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const KINDS: QuoteKind[] = ['direct', 'indirect'];

function readGold(path: string): { exhaustive: boolean; quotes: GoldQuote[] } {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { doc?: unknown; quotes?: unknown };
  const exhaustive = typeof data.doc === 'string' && Array.isArray(data.quotes);
  const quotes = (Array.isArray(data.quotes) ? data.quotes : []).map((raw) => {
    const q = raw as { doc?: string; kind?: QuoteKind; speaker?: string | string[]; text?: string };
    const speakers = Array.isArray(q.speaker) ? q.speaker : q.speaker ? [q.speaker] : [];
    return { doc: q.doc ?? String(data.doc), kind: q.kind ?? 'direct', speakers, text: q.text ?? '' };
  });
  return { exhaustive, quotes };
}

/** Right speaker: the speaker, or (for a group) any of its members, is one of the gold names. */
function speakerMatches(quote: Quote, gold: GoldQuote): boolean {
  return [quote.speaker, ...quote.members].some((name) => name !== null && gold.speakers.includes(name));
}

function score(gold: GoldQuote[], reported: Quote[], exhaustive: boolean): Record<QuoteKind, Tally> {
  const tallies = {} as Record<QuoteKind, Tally>;
  for (const kind of KINDS) {
    const goldOfKind = gold.filter((g) => g.kind === kind);
    const ofKind = reported.filter((q) => q.kind === kind);
    const used = new Set<Quote>();
    const tally: Tally = {
      gold: goldOfKind.length,
      found: 0,
      reported: ofKind.length,
      correctReported: 0,
      speakerRight: 0,
    };
    for (const g of goldOfKind) {
      const best = ofKind
        .filter((q) => !used.has(q))
        .map((q) => ({ q, overlap: quoteOverlap(g.text, q.text) }))
        .sort((a, b) => b.overlap - a.overlap)[0];
      if (!best || best.overlap < OVERLAP_THRESHOLD) {
        console.log(`    missed ${kind}: ${JSON.stringify(g.text.slice(0, 80))}`);
        continue;
      }
      used.add(best.q);
      tally.found++;
      if (speakerMatches(best.q, g)) tally.speakerRight++;
      else
        console.log(
          `    wrong speaker ${best.q.speaker} (gold ${g.speakers.join(' | ')}): ${JSON.stringify(g.text.slice(0, 60))}`,
        );
    }
    tally.correctReported = used.size;
    if (exhaustive) {
      for (const q of ofKind.filter((q) => !used.has(q)))
        console.log(`    spurious ${kind}: ${JSON.stringify(q.text.slice(0, 80))}`);
    }
    tallies[kind] = tally;
  }
  return tallies;
}

const percent = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function printTallies(label: string, tallies: Record<QuoteKind, Tally>, exhaustive: boolean): void {
  console.log(label);
  for (const kind of KINDS) {
    const t = tallies[kind];
    const precision = exhaustive ? percent(t.correctReported, t.reported) : '  n/a ';
    console.log(
      `  ${kind.padEnd(8)} gold ${String(t.gold).padStart(3)}  reported ${String(t.reported).padStart(3)}  ` +
        `precision ${precision}  recall ${percent(t.found, t.gold)}  speaker accuracy ${percent(t.speakerRight, t.found)}`,
    );
  }
}

function add(total: Record<QuoteKind, Tally>, part: Record<QuoteKind, Tally>, withPrecision: boolean): void {
  for (const kind of KINDS) {
    const t = total[kind];
    const p = part[kind];
    t.gold += p.gold;
    t.found += p.found;
    t.speakerRight += p.speakerRight;
    if (withPrecision) {
      t.reported += p.reported;
      t.correctReported += p.correctReported;
    }
  }
}

const empty = (): Record<QuoteKind, Tally> => ({
  direct: { gold: 0, found: 0, reported: 0, correctReported: 0, speakerRight: 0 },
  indirect: { gold: 0, found: 0, reported: 0, correctReported: 0, speakerRight: 0 },
});

const fixtures = join(root, 'test', 'fixtures');
const total = empty();
for (const file of readdirSync(fixtures)
  .filter((f) => f.endsWith('.quotes.json'))
  .sort()) {
  const { exhaustive, quotes } = readGold(join(fixtures, file));
  console.log(
    `\n${file} — ${exhaustive ? 'exhaustive gold: precision and recall' : 'partial gold: recall only'}`,
  );
  const fileTotal = empty();
  for (const doc of [...new Set(quotes.map((q) => q.doc))]) {
    const document = await loadDocument(join(root, doc));
    const reported = extractQuotes({ paragraphs: document.paragraphs, speakerHints: document.meta.speakers });
    add(
      fileTotal,
      score(
        quotes.filter((q) => q.doc === doc),
        reported,
        exhaustive,
      ),
      true,
    );
  }
  printTallies(`  ${file}`, fileTotal, exhaustive);
  add(total, fileTotal, exhaustive);
}
console.log('');
printTallies(
  'overall (recall and speaker accuracy over all gold; reported and precision over exhaustive files only)',
  total,
  true,
);
