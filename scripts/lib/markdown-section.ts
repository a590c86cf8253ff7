import { readFile, writeFile } from 'node:fs/promises';

/**
 * Replaces one generated section of a Markdown file (between its `<!-- name -->` markers), so that
 * each benchmark or evaluation rewrites only its own figures; a missing section is appended.
 */
export async function writeMarkdownSection(
  file: string,
  name: string,
  body: string,
  title: string,
): Promise<void> {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const current = await readFile(file, 'utf8').catch(() => `# ${title}\n`);
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}
