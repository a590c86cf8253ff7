// Written by scripts/train-answerability.ts — do not edit by hand; retrain instead (npm run train:answerability).
import type { AnswerabilityModel } from './evidence.js';

export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.889,
  weights: {
    coverage: 1.068,
    conceptCoverage: -1.33,
    unknownTerms: -0.852,
    missingNames: -1.108,
    unquotedSubject: -1.416,
    missingKind: -2.053,
    missingFocus: -2.577,
    noTerms: 0,
    speakerOffTopic: -0.779,
  },
  threshold: 0.5,
  trainedOn: '122 dev questions (90 answerable), 2026-12-01; dev accuracy 0.80',
};
