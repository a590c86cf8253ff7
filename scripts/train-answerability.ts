// `npm run train:answerability`: learns the answerability model's weights (src/answer/evidence.ts
// features → P(answerable)) from the DEV questions of test/fixtures/qa-eval/questions.json only, by
// L2-regularised logistic regression with both classes weighted equally, and writes
// src/answer/answerability-weights.ts. The test questions are never read here: `npm run eval:qa`
// measures the result on them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probabilityOf } from '../src/answer/answerability.js';
import type { AnswerabilityModel, Evidence, Feature } from '../src/answer/evidence.js';
import { prepareAnswer } from '../src/answer/prepare-answer.js';
import type { SearchContext } from '../src/answer/search-context.js';
import { openSearchContext } from '../src/cli/runtime.js';
import { loadConfig } from '../src/config.js';
import { tempDir } from '../test/support/temp-dir.js';

interface Question {
  q: string;
  answerable: boolean;
  split: string;
}

/** Regularisation strength: weights stay small unless the data insist (few dozen examples per class). */
const L2 = 0.002;
const STEPS = 20000;
const LEARNING_RATE = 0.5;

const root = fileURLToPath(new URL('..', import.meta.url));
const { questions } = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'qa-eval', 'questions.json'), 'utf8'),
) as { questions: Question[] };
const dev = questions.filter((question) => question.split === 'dev');

const config = loadConfig({
  env: { WHOSAID_CORPUS_DIR: join(root, 'corpus'), WHOSAID_INDEX_DIR: join(await tempDir(), 'index') },
  dotenvPath: null,
});
const context: SearchContext = await openSearchContext(config);
const examples: { x: Evidence; y: number }[] = [];
for (const question of dev) {
  const { evidence } = await prepareAnswer(context, question.q, config.topK);
  examples.push({ x: evidence.evidence, y: question.answerable ? 1 : 0 });
}
const features = Object.keys(examples[0]?.x ?? {}) as Feature[];
const positives = examples.filter((e) => e.y === 1).length;
const classWeight = (y: number) =>
  y === 1 ? examples.length / (2 * positives) : examples.length / (2 * (examples.length - positives));

const model: AnswerabilityModel = {
  bias: 0,
  weights: Object.fromEntries(features.map((f) => [f, 0])) as Record<Feature, number>,
  threshold: 0.5,
  trainedOn: '',
};
for (let step = 0; step < STEPS; step++) {
  let gradBias = 0;
  const grad = Object.fromEntries(features.map((f) => [f, 0])) as Record<Feature, number>;
  for (const { x, y } of examples) {
    const error = (probabilityOf(x, model) - y) * classWeight(y);
    gradBias += error;
    for (const f of features) grad[f] += error * x[f];
  }
  model.bias -= (LEARNING_RATE * gradBias) / examples.length;
  for (const f of features)
    model.weights[f] -= LEARNING_RATE * (grad[f] / examples.length + L2 * model.weights[f]);
}
const correct = examples.filter(
  ({ x, y }) => (probabilityOf(x, model) >= model.threshold ? 1 : 0) === y,
).length;
model.trainedOn = `${examples.length} dev questions (${positives} answerable), ${new Date().toISOString().slice(0, 10)}; dev accuracy ${(correct / examples.length).toFixed(2)}`;

const round = (value: number) => Math.round(value * 1000) / 1000;
const body = `// Written by scripts/train-answerability.ts — do not edit by hand; retrain instead (npm run train:answerability).
import type { AnswerabilityModel } from './evidence.js';

export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: ${round(model.bias)},
  weights: {
${features.map((f) => `    ${f}: ${round(model.weights[f])},`).join('\n')}
  },
  threshold: ${model.threshold},
  trainedOn: '${model.trainedOn}',
};
`;
writeFileSync(join(root, 'src', 'answer', 'answerability-weights.ts'), body);
process.stdout.write(body);
