#!/usr/bin/env node
// The `whosaid` command: runs the compiled build in dist/ (made by `npm ci` through the `prepare`
// script, or by `npm run build`). Development and tests run the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'error: whosaid is not built yet (no dist/). Run `npm ci` or `npm run build` first.\n',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
