#!/usr/bin/env node
// Part of `npm run build`: records the fingerprint of the document-processing sources in dist/, where
// the compiled code reads it (dist/ holds no .ts files to hash at run time).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { FINGERPRINT_FILE, hashPipelineSources } = await import('../dist/index/pipeline-version.js');
const fingerprint = hashPipelineSources(fileURLToPath(new URL('../src/', import.meta.url)));
writeFileSync(
  new URL(`../dist/index/${FINGERPRINT_FILE}`, import.meta.url),
  `${JSON.stringify({ fingerprint })}\n`,
);
