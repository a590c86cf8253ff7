import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The steps that turn documents into index content, each given by the module(s) that perform it. A
 * step's fingerprint covers those modules and everything they import (at run time), so a change to
 * quote attribution re-runs attribution only, and never touches vectors of unchanged text.
 */
const PIPELINE_STEPS = {
  /** Loading, front matter, paragraphs: the text every later step sees. */
  paragraphs: ['corpus/load-corpus'],
  /** Quote extraction and speaker attribution, and the aliases learnt from each document. */
  quotes: ['quotes/extract-quotes', 'text/aliases'],
  /** Paragraphs into chunks (the texts that get vectors). */
  chunks: ['index/chunk-document'],
  /** The BM25 index (in files), and the terms PostgreSQL's full-text index holds. */
  lexical: ['index/lexical-index', 'index/postgres/lexical-terms'],
  /** The hnswlib graph over the vectors (its build parameters). */
  vectorGraph: ['index/vector-index'],
  /** The offline embedder: its code is its model, so it is part of its identity. */
  localEmbeddings: ['index/local-embeddings'],
} as const;

/** Data files (from the project root) a step's code reads: they change its output as much as code does. */
const STEP_DATA: Partial<Record<PipelineStep, string[]>> = { quotes: ['data/lexicon.json'] };

export type PipelineStep = keyof typeof PIPELINE_STEPS;
export type PipelineFingerprint = Record<PipelineStep, string>;

/**
 * Written by `npm run build` (scripts/write-fingerprint.js) beside this module in dist/: for each
 * step, the fingerprint of the emitted JavaScript → the fingerprint of the TypeScript it came from.
 * @public (used by the build script, through dist/)
 */
export const FINGERPRINT_FILE = 'pipeline-fingerprint.json';

/** Relative imports that exist at run time (`import type` is erased by the compiler, so it is left out). */
const STATIC_IMPORT =
  /(?:^|[\s;}])(?:import|export)\s+(?!type[\s{])(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/**
 * Fingerprints each step from the files under `root` (a `src/` folder of `.ts` or a `dist/` folder of
 * `.js`): the step's modules and, transitively, the modules they import, and the data files it reads.
 * @public (used by the build script, through dist/)
 */
export function fingerprintSteps(root: string, extension: '.ts' | '.js'): PipelineFingerprint {
  const steps = {} as PipelineFingerprint;
  for (const [step, entries] of Object.entries(PIPELINE_STEPS) as [PipelineStep, readonly string[]][]) {
    const files = importClosure(
      entries.map((entry) => join(root, `${entry}${extension}`)),
      extension,
    );
    const hash = createHash('sha256');
    for (const file of [...files].sort())
      hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file));
    for (const file of STEP_DATA[step] ?? [])
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(root, '..', file)));
    steps[step] = hash.digest('hex').slice(0, 16);
  }
  return steps;
}

function importClosure(entries: string[], extension: string): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    // A missing module would make the fingerprint blind to the code that really runs: fail loudly.
    const text = readFileSync(file, 'utf8');
    seen.add(file);
    for (const pattern of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1] ?? '';
        const target = join(dirname(file), specifier.replace(/\.js$/, extension));
        if (target.endsWith(extension) && existsSync(target)) pending.push(target);
      }
    }
  }
  return seen;
}

let cached: PipelineFingerprint | undefined;

/**
 * The fingerprint of the document-processing code that is running, step by step. Stored in the index
 * manifest: a step whose code changed is re-run instead of serving its stale output, with no version
 * number for anyone to remember to bump.
 *
 * From the sources (tsx) it is computed from the `.ts` files. Compiled (dist/), it is computed from the
 * emitted `.js` files — the code that actually runs, so a dist/ rebuilt without the build script is
 * never mistaken for the old one — and translated through the table the build wrote to the sources'
 * fingerprint, so an index made under tsx and one made by the compiled binary agree.
 */
export function pipelineFingerprint(): PipelineFingerprint {
  if (cached) return cached;
  const indexFolder = fileURLToPath(new URL('.', import.meta.url));
  const root = join(indexFolder, '..');
  if (import.meta.url.endsWith('.ts')) {
    cached = fingerprintSteps(root, '.ts');
    return cached;
  }
  const emitted = fingerprintSteps(root, '.js');
  const table = readTable(join(indexFolder, FINGERPRINT_FILE));
  cached = Object.fromEntries(
    Object.entries(emitted).map(([step, hash]) => [step, table[step]?.[hash] ?? `js-${hash}`]),
  ) as PipelineFingerprint;
  return cached;
}

function readTable(path: string): Record<string, Record<string, string>> {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { steps: Record<string, Record<string, string>> })
      .steps;
  } catch {
    return {};
  }
}

/** One string for all steps (the manifest's `pipeline`, kept so older indexes compare cleanly). */
export function combinedFingerprint(steps: PipelineFingerprint): string {
  const hash = createHash('sha256');
  for (const step of Object.keys(PIPELINE_STEPS) as PipelineStep[]) hash.update(`${step}=${steps[step]};`);
  return hash.digest('hex').slice(0, 16);
}

/** The steps whose code differs from the code that built an index (all of them for an index from before steps). */
export function changedSteps(
  built: Partial<PipelineFingerprint> | undefined,
  current: PipelineFingerprint,
): PipelineStep[] {
  return (Object.keys(PIPELINE_STEPS) as PipelineStep[]).filter((step) => built?.[step] !== current[step]);
}
