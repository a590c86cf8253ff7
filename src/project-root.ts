import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: defaults (corpus/, .whosaid/, prompts/) live here so `npx whosaid` works from any
 * folder. This file sits one level below the root both as `src/project-root.ts` and as
 * `dist/project-root.js`, so the same relative URL serves the sources and the build.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The version in package.json, for `whosaid --version` and the Home tab. */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return version;
}
