// `npm run bench:cli`: start-up cost of the built binary, as a ratio to a bare `node -e 0` measured in
// the same run (these machines are noisy, so absolute times say little). Each command runs RUNS times
// alternating with the baseline; medians are compared. Needs `npm run build` (npm ci does it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMarkdownSection } from '../scripts/lib/markdown-section.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'whosaid.js');
const RUNS = Number(process.env.RUNS ?? 15);
const indexDir = mkdtempSync(join(tmpdir(), 'whosaid-bench-cli-'));
const env = { PATH: process.env.PATH ?? '', WHOSAID_INDEX_DIR: indexDir, WHOSAID_LOG_LEVEL: 'silent' };

function seconds(args: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const cases = [
  { name: 'whosaid --help', args: [BIN, '--help'], target: 3 },
  {
    name: 'whosaid ask "…" (offline, index built)',
    args: [BIN, 'ask', 'Who warned about relying on one provider?'],
    target: 8,
  },
];
seconds([BIN, 'ingest']); // the index exists before `ask` is timed
const rows: string[] = [];
for (const { name, args, target } of cases) {
  const base: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(seconds(['-e', '0']));
    command.push(seconds(args));
  }
  const ratio = median(command) / median(base);
  rows.push(
    `| ${name} | ${(median(command) * 1000).toFixed(0)} ms | ${(median(base) * 1000).toFixed(0)} ms | ${ratio.toFixed(1)}× | ≤ ${target}× | ${ratio <= target ? 'met' : 'missed'} |`,
  );
}
rmSync(indexDir, { recursive: true, force: true });
const markdown =
  '## Start-up of the built binary\n\n' +
  `Produced by \`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)}: each command runs as a fresh ` +
  'process of `bin/whosaid.js` (the compiled build), timed from spawn to exit, and is compared with a bare ' +
  '`node -e 0` measured alternately in the same run, because these machines are noisy. Targets from the issue ' +
  '"Start like a compiled tool".\n\n' +
  `| command | median | \`node -e 0\` | ratio | target | |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
  `Medians of ${RUNS} runs each, alternating with the baseline, on ${process.platform} ${process.arch}, Node ${process.version}.\n`;
await writeMarkdownSection('docs/benchmarks.md', 'bench-cli', markdown, 'Benchmarks');
process.stdout.write(markdown);
