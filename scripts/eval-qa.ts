// `npm run eval:qa`: how `ask` (offline, extractive) answers the questions people ask about the bundled
// corpus, on test/fixtures/qa-eval/questions.json, split once at random into dev and test. Reports, per
// split and per question style: hit@3 (a gold paragraph among the first three citations; an
// abstention is a miss), wrongly abstained (answerable questions refused), near-miss abstained
// (on-topic questions the documents do not answer, declined), speaker credited (the answer names the
// person whose words answer it) — and plain BM25's hit@3 over the same paragraphs as a yardstick.
// Only dev failures are ever printed (`--details`); test is measured, recorded in docs/quality.md, and
// never looked at question by question.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { ask } from '../src/answer/ask.js';
import type { SearchContext } from '../src/answer/search-context.js';
import type { Answer } from '../src/answer/types.js';
import { openSearchContext } from '../src/cli/runtime.js';
import { loadConfig } from '../src/config.js';
import { tempDir } from '../test/support/temp-dir.js';
import { writeMarkdownSection } from './lib/markdown-section.js';

interface Question {
  id: string;
  q: string;
  style: string;
  answerable: boolean;
  gold: { doc: string; paragraphs: number[] }[];
  speaker: string | null;
  speakers_any?: string[];
  answer_type?: string;
  expect?: string;
  split: 'dev' | 'test';
}

interface Outcome {
  question: Question;
  answer: Answer;
  hit: boolean;
  /** A gold paragraph among the first three passages retrieved, answered or not (closest passages). */
  retrieved: boolean;
  bm25Hit: boolean;
  credited: boolean | null;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const details = process.argv.includes('--details');
const { questions } = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'qa-eval', 'questions.json'), 'utf8'),
) as { questions: Question[] };

const config = loadConfig({
  env: { WHOSAID_CORPUS_DIR: join(root, 'corpus'), WHOSAID_INDEX_DIR: join(await tempDir(), 'index') },
  dotenvPath: null,
});
const context = await openSearchContext(config);
const bm25 = plainBm25(context);

const isGold = (question: Question, doc: string, paragraph: number) =>
  question.gold.some((gold) => gold.doc === doc && gold.paragraphs.includes(paragraph));

const outcomes: Outcome[] = [];
for (const question of questions) {
  const answer = await ask(context, { question: question.q, k: config.topK });
  const hit =
    !answer.abstained &&
    answer.citations.slice(0, 3).some((citation) => isGold(question, citation.doc, citation.paragraph));
  const shown = answer.abstained ? answer.closest : answer.citations;
  const retrieved = shown.slice(0, 3).some((passage) => isGold(question, passage.doc, passage.paragraph));
  const bm25Hit = bm25(question.q).some((id) => {
    const [doc = '', paragraph = '0'] = id.split('#');
    return isGold(question, doc, Number(paragraph));
  });
  const names = [question.speaker, ...(question.speakers_any ?? [])].filter((n): n is string => Boolean(n));
  const credited =
    question.answerable && names.length > 0 && !answer.abstained
      ? names.some((name) => answer.answer.toLowerCase().includes(name.toLowerCase()))
      : question.answerable && names.length > 0
        ? false
        : null;
  outcomes.push({ question, answer, hit, retrieved, bm25Hit, credited });
}

/** MiniSearch's BM25 over whole paragraphs, the question as an OR query: no synonyms, no fusion. */
function plainBm25(ctx: SearchContext): (q: string) => string[] {
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: [] });
  search.addAll(
    [...ctx.paragraphs.values()].map((chunk) => ({
      id: `${chunk.doc}#${chunk.paragraph}`,
      text: chunk.text,
    })),
  );
  return (q) => [...new Set(search.search(q).map((result) => String(result.id)))].slice(0, 3);
}

interface Figures {
  answerable: number;
  hit: number;
  retrieved: number;
  bm25: number;
  wronglyAbstained: number;
  nearMiss: number;
  nearMissAbstained: number;
  offCorpus: number;
  offCorpusAbstained: number;
  withSpeaker: number;
  credited: number;
}

function figures(list: Outcome[]): Figures {
  const answerable = list.filter((o) => o.question.answerable);
  const nearMiss = list.filter((o) => o.question.style === 'near-miss');
  const offCorpus = list.filter((o) => o.question.style === 'off-corpus');
  const withSpeaker = answerable.filter((o) => o.credited !== null);
  return {
    answerable: answerable.length,
    hit: answerable.filter((o) => o.hit).length,
    retrieved: answerable.filter((o) => o.retrieved).length,
    bm25: answerable.filter((o) => o.bm25Hit).length,
    wronglyAbstained: answerable.filter((o) => o.answer.abstained).length,
    nearMiss: nearMiss.length,
    nearMissAbstained: nearMiss.filter((o) => o.answer.abstained).length,
    offCorpus: offCorpus.length,
    offCorpusAbstained: offCorpus.filter((o) => o.answer.abstained).length,
    withSpeaker: withSpeaker.length,
    credited: withSpeaker.filter((o) => o.credited).length,
  };
}

const share = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(2));

const lines: string[] = [];
lines.push(
  '| split | answerable | hit@3 | retrieved@3 | BM25 hit@3 | wrongly abstained | near-miss abstained | off-corpus abstained | speaker credited |',
  '|---|---|---|---|---|---|---|---|---|',
);
for (const split of ['dev', 'test'] as const) {
  const f = figures(outcomes.filter((o) => o.question.split === split));
  // `--counts`: the raw counts behind the shares, to tell a change of one question from rounding.
  if (process.argv.includes('--counts')) console.error(split, JSON.stringify(f));
  lines.push(
    `| ${split} | ${f.answerable} | ${share(f.hit, f.answerable)} | ${share(f.retrieved, f.answerable)} | ${share(f.bm25, f.answerable)} | ${share(f.wronglyAbstained, f.answerable)} | ${share(f.nearMissAbstained, f.nearMiss)} | ${share(f.offCorpusAbstained, f.offCorpus)} | ${share(f.credited, f.withSpeaker)} |`,
  );
}
lines.push(
  '',
  '| style | dev hit@3 | dev abstained | test hit@3 | test abstained |',
  '|---|---|---|---|---|',
);
for (const style of [...new Set(questions.map((q) => q.style))].sort()) {
  const cells = (['dev', 'test'] as const).map((split) => {
    const list = outcomes.filter((o) => o.question.split === split && o.question.style === style);
    const answerable = list.filter((o) => o.question.answerable);
    const abstained = list.filter((o) => o.answer.abstained).length;
    return `${answerable.length ? share(answerable.filter((o) => o.hit).length, answerable.length) : '–'} | ${abstained}/${list.length}`;
  });
  lines.push(`| ${style} | ${cells.join(' | ')} |`);
}
// The lead line of yes/no questions whose expected answer starts with a plain "Yes" or "No": given
// rightly, given wrongly, or not given ("The documents don't say directly", or declined).
const polarityOf = (text: string) => /^\s*(yes|no)\b/i.exec(text)?.[1]?.toLowerCase() ?? null;
lines.push(
  '',
  '| split | yes/no questions (expected "Yes" or "No") | lead says it | lead says the opposite | not settled | near misses answered "Yes" or "No" |',
  '|---|---|---|---|---|---|',
);
for (const split of ['dev', 'test'] as const) {
  const list = outcomes.filter(
    (o) =>
      o.question.split === split &&
      o.question.answerable &&
      o.question.answer_type === 'yes_no' &&
      polarityOf(o.question.expect ?? '') !== null,
  );
  const given = list.map((o) => ({
    expected: polarityOf(o.question.expect ?? ''),
    lead: o.answer.abstained ? null : polarityOf(o.answer.answer),
  }));
  if (details && split === 'dev')
    for (const [i, o] of list.entries())
      if (given[i]?.lead !== given[i]?.expected)
        console.log(
          `\nyes/no ${o.question.id} ${o.question.q}\n  expected ${o.question.expect}\n  lead ${o.answer.answer.slice(0, 200).replace(/\n/g, ' ')}`,
        );
  const right = given.filter((g) => g.lead === g.expected).length;
  const wrong = given.filter((g) => g.lead !== null && g.lead !== g.expected).length;
  // A near miss asks what the documents do not hold: a plain "Yes" or "No" to one is a false answer.
  const nearMisses = outcomes.filter((o) => o.question.split === split && o.question.style === 'near-miss');
  const settledNearMisses = nearMisses.filter(
    (o) => !o.answer.abstained && polarityOf(o.answer.answer) !== null,
  ).length;
  lines.push(
    `| ${split} | ${list.length} | ${right} | ${wrong} | ${list.length - right - wrong} | ${settledNearMisses} of ${nearMisses.length} |`,
  );
}
console.log(lines.join('\n'));

if (details) {
  for (const o of outcomes.filter((x) => x.question.split === 'dev')) {
    const { question, answer } = o;
    const wrong = question.answerable ? !o.hit || o.credited === false : !answer.abstained;
    if (!wrong) continue;
    const cited = answer.citations.slice(0, 3).map((c) => `${c.doc.replace('corpus/', '')}#${c.paragraph}`);
    console.log(
      `\n${question.id} [${question.style}] ${question.q}\n  gold ${JSON.stringify(question.gold)} speaker ${question.speaker}` +
        `\n  ${answer.abstained ? 'ABSTAINED' : 'answered'}: ${answer.answer.slice(0, 160).replace(/\n/g, ' ')}\n  cited ${cited.join(', ')}`,
    );
  }
}

await writeMarkdownSection(
  join(root, 'docs', 'quality.md'),
  'eval-qa',
  '## Answering (`npm run eval:qa`)\n\n' +
    `${questions.length} questions over the bundled corpus in ${new Set(questions.map((q) => q.style)).size} styles ` +
    '(`test/fixtures/qa-eval/questions.json`), split once at random (per style) into dev and test. Offline, ' +
    'extractive answers. hit@3: a gold paragraph among the first three citations (an abstention is a miss); ' +
    'retrieved@3: among the first three passages whether answered or not (retrieval alone). ' +
    'Speaker credited: the answer names the person or organisation whose words answer the question. ' +
    'Yes/no leads: the first line of the answer to a yes/no question against the expected "Yes" or "No". ' +
    'Tune on dev only; test is recorded here, never inspected question by question.\n\n' +
    `Measured on ${new Date().toISOString().slice(0, 10)}.\n\n${lines.join('\n')}`,
  'Quality',
);
