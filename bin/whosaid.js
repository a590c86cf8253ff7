#!/usr/bin/env node
// The `whosaid` command. Sources are TypeScript run through tsx, so `npm ci && npx whosaid …`
// works with no build step and the code that runs is always the code in src/.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv);
