#!/usr/bin/env node
// Runs every test file under test/ through Node's test runner with tsx.
// Why a script: on Node 20 `node --test` does not discover .ts files and a quoted glob silently
// runs nothing ("tests 0", exit 0). We list the files ourselves, pass them explicitly, and fail
// loudly when none are found. Arguments narrow the run: `npm run test:unit -- quotes` runs the
// files whose path contains "quotes".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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

const filters = process.argv.slice(2);
const files = findTests(join(root, 'test'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`No test files found under test/${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}
console.log(`Running ${files.length} test files:\n  ${files.join('\n  ')}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WHOSAID_LOG_LEVEL: process.env.WHOSAID_LOG_LEVEL ?? 'silent' },
});
process.exit(result.status ?? 1);
