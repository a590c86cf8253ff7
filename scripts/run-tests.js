#!/usr/bin/env node
// Runs every test file under test/ through Node's test runner with tsx.
// Why a script: on Node 20 `node --test` does not discover .ts files and a quoted glob silently
// runs nothing ("tests 0", exit 0). We list the files ourselves, pass them explicitly, and fail
// loudly when none are found. Arguments narrow the run: `npm run test:unit -- quotes` runs the
// files whose path contains "quotes". `--tier unit` leaves out test/smoke/ (subprocess runs of the
// built binary), for the edit loop; `npm test` runs every tier after building.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const args = process.argv.slice(2);
const tierAt = args.indexOf('--tier');
const tier = tierAt >= 0 ? args.splice(tierAt, 2)[1] : 'all';
if (!['all', 'unit'].includes(tier)) {
  console.error(`Unknown --tier "${tier}": use "unit" (no subprocess smoke tests) or leave it out.`);
  process.exit(1);
}
const filters = args;
const files = findTests(join(root, 'test'))
  .filter((file) => tier === 'all' || !file.startsWith(join('test', 'smoke')))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`No test files found under test/${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}
console.log(`Running ${files.length} test files:\n  ${files.join('\n  ')}`);
// Test files run in parallel processes; most of their time is waiting on loopback servers and
// timeouts, so two per core keeps both cores busy. Node's default is one fewer than the cores.
const concurrency = Math.max(2, availableParallelism() * 2);
// Shared by the test processes of this run: the bundled corpus's index is built once, into it
// (test/support/shared-index.ts), and the folder is removed when the run ends.
const runDir = mkdtempSync(join(tmpdir(), 'whosaid-run-'));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      WHOSAID_LOG_LEVEL: process.env.WHOSAID_LOG_LEVEL ?? 'silent',
      WHOSAID_TEST_RUN_DIR: runDir,
    },
  },
);
rmSync(runDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
