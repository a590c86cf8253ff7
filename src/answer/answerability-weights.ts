// Written by scripts/train-answerability.ts — do not edit by hand; retrain instead (npm run train:answerability).
import type { AnswerabilityModel } from './evidence.js';

export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.663,
  weights: {
    coverage: 1.312,
    conceptCoverage: -1.325,
    unknownTerms: -0.708,
    missingNames: -1.053,
    unquotedSubject: -1.41,
    missingKind: -2.074,
    missingFocus: -2.53,
    noTerms: 0,
    speakerOffTopic: -0.77,
  },
  threshold: 0.5,
  trainedOn: '122 dev questions (90 answerable), 2026-12-01; dev accuracy 0.82',
};
