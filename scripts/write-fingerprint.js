#!/usr/bin/env node
// Part of `npm run build`: records, for each document-processing step, which emitted JavaScript came
// from which TypeScript. The compiled code fingerprints the .js that actually runs and translates it
// through this table, so an index made under tsx and one made by the binary agree, while a dist/
// rebuilt without this script gets fingerprints of its own (never those of older code).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { FINGERPRINT_FILE, fingerprintSteps } = await import('../dist/index/pipeline-version.js');
const sources = fingerprintSteps(fileURLToPath(new URL('../src/', import.meta.url)), '.ts');
const emitted = fingerprintSteps(fileURLToPath(new URL('../dist/', import.meta.url)), '.js');
const steps = Object.fromEntries(
  Object.entries(emitted).map(([step, hash]) => [step, { [hash]: sources[step] }]),
);
writeFileSync(
  new URL(`../dist/index/${FINGERPRINT_FILE}`, import.meta.url),
  `${JSON.stringify({ steps }, null, 2)}\n`,
);
