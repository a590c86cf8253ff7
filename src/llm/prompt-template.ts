import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WhosaidError } from '../errors.js';

/**
 * A prompt file: instructions for the model (system message), a line `---user---`, then the user
 * message with {placeholders}. Prompts are files so that a prompt change is a readable text diff.
 */
export interface PromptTemplate {
  name: string;
  system: string;
  user: string;
}

const USER_SEPARATOR = /^---user---[ \t]*$/m;
const PLACEHOLDER = /\{([a-z][a-z_]*)\}/g;

/** The prompts the code uses, with the placeholders each must contain — checked at start-up. */
const PROMPT_SPECS = {
  answer: ['question', 'passages'],
  'summarize-thread': ['transcript'],
} as const;

type PromptName = keyof typeof PROMPT_SPECS;
export type Prompts = Record<PromptName, PromptTemplate>;

export function parsePromptTemplate(name: string, text: string, required: readonly string[]): PromptTemplate {
  const parts = text.split(USER_SEPARATOR);
  if (parts.length !== 2) {
    throw new WhosaidError(
      'PROMPT_INVALID',
      `prompts/${name}.md must contain exactly one "---user---" line.`,
    );
  }
  const [system = '', user = ''] = parts.map((part) => part.trim());
  const used = new Set([...user.matchAll(PLACEHOLDER)].map((match) => match[1]));
  const missing = required.filter((placeholder) => !used.has(placeholder));
  const unknown = [...used, ...[...system.matchAll(PLACEHOLDER)].map((match) => match[1])].filter(
    (placeholder): placeholder is string => placeholder !== undefined && !required.includes(placeholder),
  );
  if (missing.length > 0 || unknown.length > 0) {
    const problems = [
      ...missing.map((placeholder) => `missing {${placeholder}} in the user part`),
      ...unknown.map(
        (placeholder) =>
          `unknown placeholder {${placeholder}} (known: ${required.map((r) => `{${r}}`).join(', ')})`,
      ),
    ];
    throw new WhosaidError('PROMPT_INVALID', `prompts/${name}.md: ${problems.join('; ')}.`);
  }
  return { name, system, user };
}

export async function loadPrompts(dir: string): Promise<Prompts> {
  const entries = await Promise.all(
    (Object.entries(PROMPT_SPECS) as [PromptName, readonly string[]][]).map(async ([name, required]) => {
      const text = await readFile(join(dir, `${name}.md`), 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new WhosaidError(
          'PROMPT_INVALID',
          `Cannot read prompt ${join(dir, `${name}.md`)} (${error.code ?? error.message}).`,
        );
      });
      return [name, parsePromptTemplate(name, text, required)] as const;
    }),
  );
  return Object.fromEntries(entries) as Prompts;
}

/** Fills the placeholders in one pass, so text inserted for one placeholder is never expanded again. */
export function renderUserPrompt(template: PromptTemplate, values: Record<string, string>): string {
  return template.user.replace(PLACEHOLDER, (match, key: string) => values[key] ?? match);
}
