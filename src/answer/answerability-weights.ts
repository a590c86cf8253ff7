// Written by scripts/train-answerability.ts — do not edit by hand; retrain instead (npm run train:answerability).
import type { AnswerabilityModel } from './evidence.js';

export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.977,
  weights: {
    coverage: 1.01,
    conceptCoverage: -1.371,
    unknownTerms: -0.906,
    missingNames: -1.114,
    unquotedSubject: -1.417,
    missingKind: -2.048,
    missingFocus: -2.581,
    noTerms: 0,
    speakerOffTopic: -0.793,
  },
  threshold: 0.5,
  trainedOn: '122 dev questions (90 answerable), 2026-12-01; dev accuracy 0.80',
};
