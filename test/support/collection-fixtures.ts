import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

/** One made-up person quoted about one made-up matter: what only one collection's documents hold. */
export interface PrivateFact {
  speaker: string;
  surname: string;
  role: string;
  /** A word no other document uses, that the quote is about. */
  topic: string;
  quote: string;
}

/** A markdown article quoting `fact.speaker` on `fact.topic`, in the bundled corpus's format. */
export function articleAbout(fact: PrivateFact, title: string): string {
  return [
    '---',
    `title: ${title}`,
    'publisher: The Harbour Ledger',
    'date: 2026-11-30',
    '---',
    `${fact.speaker}, ${fact.role}, spoke about the ${fact.topic} on Tuesday.`,
    '',
    `"${fact.quote}," ${fact.surname} said.`,
    '',
    `The ${fact.topic} had been discussed for months before the meeting.`,
    '',
  ].join('\n');
}

/** A folder holding one article per fact (file names from the topics). */
export async function folderOf(
  facts: readonly PrivateFact[],
  prefix = 'whosaid-collection-',
): Promise<string> {
  const dir = join(await tempDir(prefix), 'docs');
  await mkdir(dir, { recursive: true });
  for (const fact of facts)
    await writeFile(join(dir, `${fact.topic}.md`), articleAbout(fact, `Talks on the ${fact.topic}`));
  return dir;
}

export const LEGAL_FACT: PrivateFact = {
  speaker: 'Priya Okonkwo',
  surname: 'Okonkwo',
  role: 'the port authority’s general counsel',
  topic: 'quitclaim',
  quote: 'We will never sign the quitclaim while the easement dispute is open',
};

export const SPORTS_FACT: PrivateFact = {
  speaker: 'Tomasz Lindqvist',
  surname: 'Lindqvist',
  role: 'the rowing club’s head coach',
  topic: 'regatta',
  quote: 'The regatta moves to the northern basin because the harbour is too crowded',
};
