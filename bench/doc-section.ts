import { readFile, writeFile } from 'node:fs/promises';

const FILE = 'docs/benchmarks.md';

/**
 * Replaces one benchmark's section of docs/benchmarks.md (between its `<!-- name -->` markers), so
 * `npm run bench` and `npm run bench:cli` each rewrite only their own figures.
 */
export async function writeBenchmarkSection(name: string, body: string): Promise<void> {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const current = await readFile(FILE, 'utf8').catch(() => '# Benchmarks\n');
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(FILE, next);
}
