import { ANSWERABILITY_MODEL } from './answerability-weights.js';
import type { AnswerabilityModel, EvidenceDetail, Feature } from './evidence.js';

export interface Support {
  supported: boolean;
  /** P(answerable) from the model, kept so low confidence can be shown. */
  probability: number;
  /** Decided by a near-certain rule, not weighed: a language model may not override it. */
  certain: boolean;
  /** Plain-language reason when not supported, shown to the user. */
  reason: string | null;
}

export function probabilityOf(evidence: EvidenceDetail['evidence'], model: AnswerabilityModel): number {
  let z = model.bias;
  for (const [feature, weight] of Object.entries(model.weights) as [Feature, number][])
    z += weight * evidence[feature];
  return 1 / (1 + Math.exp(-z));
}

/**
 * One decision from all the evidence, by a small linear model whose weights were learnt from the dev
 * questions (scripts/train-answerability.ts), not set by hand. The reason shown names the evidence
 * that counted most against answering, in words that stay true whatever the weights are.
 */
export function decideAnswerable(
  detail: EvidenceDetail,
  options: { unsolicited?: boolean; model?: AnswerabilityModel } = {},
): Support {
  const model = options.model ?? ANSWERABILITY_MODEL;
  // Unasked, the bot speaks only when every word of the message is a word of the documents: chatter
  // ("thanks, very useful") nearly always has one they never use.
  if (options.unsolicited && detail.evidence.unknownTerms > 0)
    return { supported: false, probability: 0, certain: true, reason: reasonFor(detail, model) };
  // Near-certain cases stay rules. A person or organisation the documents never mention: the question
  // is about someone else (names are read from capitals and the lexicon, aliases resolved first).
  if (detail.absentPerson)
    return {
      supported: false,
      probability: 0,
      certain: true,
      reason: `The documents never mention ${detail.absentPerson}.`,
    };
  // No top passage holds a single word of the question.
  if (detail.evidence.coverage === 0)
    return { supported: false, probability: 0, certain: true, reason: reasonFor(detail, model) };
  const probability = probabilityOf(detail.evidence, model);
  if (probability >= model.threshold) return { supported: true, probability, certain: false, reason: null };
  return { supported: false, probability, certain: false, reason: reasonFor(detail, model) };
}

function reasonFor(detail: EvidenceDetail, model: AnswerabilityModel): string {
  const { evidence } = detail;
  const against = (Object.entries(model.weights) as [Feature, number][])
    .map(([feature, weight]) => ({ feature, pull: weight * evidence[feature] }))
    .filter((entry) => entry.pull < 0)
    .sort((a, b) => a.pull - b.pull)
    .map((entry) => entry.feature);
  for (const feature of against) {
    if (feature === 'missingNames' && detail.missing.length > 0)
      return `The documents never mention ${joinNames(detail.missing)}.`;
    if (feature === 'unquotedSubject' && detail.unquoted)
      return `The documents mention ${detail.unquoted} but do not quote anything ${detail.unquoted} said.`;
    if (feature === 'missingKind') return 'No passage gives the amount or time asked for.';
    if (feature === 'missingFocus' && detail.unaddressed)
      return `No passage has anything said to ${detail.unaddressed}.`;
    if (feature === 'missingFocus' && detail.unnamed)
      return `No passage names the ${detail.unnamed} asked about.`;
    if (feature === 'missingFocus')
      return detail.focus
        ? `No passage mentions the ${detail.focus} asked about.`
        : 'The documents do not mention the attribute asked for.';
  }
  return 'No passage in the documents covers what the question asks about.';
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
